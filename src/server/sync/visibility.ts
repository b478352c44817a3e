import type { AccessClaims } from '../auth/access-tokens'
import type { Visibility } from './change-log'

/**
 * What a caller may pull: admins everything; agents and leads their team plus shared rows, with
 * rows private to one agent (their states) seen by that agent and the team's leads only;
 * trainers (and anyone without a team) shared rows only, so practice never sees production.
 */
export function visibilityOf(claims: AccessClaims): Visibility {
  if (claims.role === 'admin') return { kind: 'all' }
  if (claims.role === 'trainer' || claims.teamId === null) return { kind: 'shared' }
  return {
    kind: 'team',
    teamId: claims.teamId,
    userId: claims.userId,
    privateRows: claims.role === 'team_lead' ? 'team' : 'own'
  }
}
