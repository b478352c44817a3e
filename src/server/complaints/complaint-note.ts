/**
 * `complaint.note`: a note in a complaint's timeline, by anyone who works the case (its team's
 * agents and leads, admins). It changes nothing else on the case.
 */
import type { ComplaintNoteArgs } from '@shared/domain/complaint-event'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { recordComplaintEvent } from './complaint-events'
import { rejected, repeatOf, type MutationOutcome } from '../sync/mutation-outcome'

const NOTE_ROLES: readonly string[] = ['agent', 'team_lead', 'admin']

export async function applyComplaintNote(
  tx: Queryable,
  claims: AccessClaims,
  args: ComplaintNoteArgs
): Promise<MutationOutcome> {
  // The same note re-sent under a new mutation id is a retry, not a second note.
  const repeat = await repeatOf(tx, 'complaint_events', args.id, claims.userId, 'A complaint event')
  if (repeat) return repeat
  const rows = await tx.query<{ id: string; team_id: string | null; status: string }>(
    'SELECT id, team_id, status FROM complaints WHERE id = $1',
    [args.complaintId]
  )
  const row = rows[0]
  if (!row) {
    return rejected('not_found', 'The complaint does not exist', { complaintId: args.complaintId })
  }
  const ownTeam = claims.teamId !== null && row.team_id === claims.teamId
  if (!NOTE_ROLES.includes(claims.role) || (claims.role !== 'admin' && !ownTeam)) {
    return rejected('forbidden', "This complaint belongs to another team's queue")
  }
  const event = await recordComplaintEvent(tx, {
    id: args.id,
    complaintId: row.id,
    teamId: row.team_id,
    action: 'note',
    fromStatus: row.status,
    toStatus: row.status,
    note: args.note,
    actorId: claims.userId,
    at: args.at
  })
  return { status: 'applied', changes: [event] }
}
