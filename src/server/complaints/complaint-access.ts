/**
 * Who may work a case. Production cases belong to their team's queue (admins reach every one);
 * a practice case belongs to its trainee and the trainers, who act as the trainee's lead there,
 * so a real lead never works (or sees) a practice case and a trainer never a production one.
 */
import type { Role } from '@shared/domain/user'
import type { AccessClaims } from '../auth/access-tokens'

export interface CaseOwnership {
  practice: boolean
  team_id: string | null
  agent_id: string
}

/** Why `claims` may not work the case, or null when they may. */
export function caseAccessRefusal(claims: AccessClaims, row: CaseOwnership): string | null {
  if (claims.role === 'admin') return null
  if (row.practice) {
    if (claims.role === 'trainer' || row.agent_id === claims.userId) return null
    return 'A practice complaint is worked by its trainee and the trainers only'
  }
  if (claims.role === 'trainer') return 'Trainers work on practice complaints only'
  if (claims.teamId === null || row.team_id !== claims.teamId) {
    return "This complaint belongs to another team's queue"
  }
  return null
}

/** The role the lifecycle rules see: on a practice case the trainer plays the lead. */
export function caseRole(claims: AccessClaims, row: Pick<CaseOwnership, 'practice'>): Role {
  return row.practice && claims.role === 'trainer' ? 'team_lead' : claims.role
}
