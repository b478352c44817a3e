import type { AccessClaims } from '../auth/access-tokens'
import { configEntityId, type Visibility } from './change-log'

/**
 * The change log's team for practice records (dispositions and callbacks of practice calls):
 * no real team has it, so no agent or lead ever pulls them; trainers read it as their team.
 * A fixed uuid, so every instance and every restart agree.
 */
export const PRACTICE_SCOPE_ID = configEntityId('team', 'practice')

/**
 * What a caller may pull: admins everything; agents and leads their team plus shared rows, with
 * rows private to one agent (their states, their dispositions) seen by that agent and the team's
 * leads only; trainers shared rows and practice records, so practice never sees production and
 * production never sees practice; anyone else without a team shared rows only. Rows addressed to
 * the caller (a trainee's own practice records, a training evaluation released to them) reach
 * them too.
 */
export function visibilityOf(claims: AccessClaims): Visibility {
  if (claims.role === 'admin') return { kind: 'all' }
  if (claims.role === 'trainer') {
    return { kind: 'team', teamId: PRACTICE_SCOPE_ID, userId: claims.userId, privateRows: 'team' }
  }
  if (claims.teamId === null) return { kind: 'shared' }
  return {
    kind: 'team',
    teamId: claims.teamId,
    userId: claims.userId,
    privateRows: claims.role === 'team_lead' ? 'team' : 'own'
  }
}

/**
 * Where a record of `claims` goes in the change log: production rows under the author's team,
 * practice rows under {@link PRACTICE_SCOPE_ID}. `isPrivate` rows reach only their author (plus
 * the team's leads, or the trainers for practice).
 */
export function recordScope(
  claims: AccessClaims,
  practice: boolean,
  isPrivate: boolean
): { teamId: string | null; userId: string | null } {
  const teamId = practice ? PRACTICE_SCOPE_ID : claims.teamId
  return { teamId, userId: isPrivate || practice ? claims.userId : null }
}

/**
 * Where a change to a record that may carry the practice mark goes: a practice one under
 * {@link PRACTICE_SCOPE_ID}, addressed to its author (the trainee sees it, trainers read the
 * scope); a production one under its team, as before.
 */
export function markedScope(
  record: { practice: boolean; teamId: string | null },
  authorId: string
): { teamId: string | null; userId: string | null } {
  if (record.practice) return { teamId: PRACTICE_SCOPE_ID, userId: authorId }
  return { teamId: record.teamId, userId: null }
}
