/**
 * `complaint.note`: a note in a complaint's timeline, by anyone who works the case (its team's
 * agents and leads, admins; on a practice case its trainee and the trainers). It changes nothing
 * else on the case.
 */
import type { ComplaintNoteArgs } from '@shared/domain/complaint-event'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { caseAccessRefusal } from './complaint-access'
import { recordComplaintEvent } from './complaint-events'
import { caseScope } from './complaint-transition'
import { rejected, repeatOf, type MutationOutcome } from '../sync/mutation-outcome'

export async function applyComplaintNote(
  tx: Queryable,
  claims: AccessClaims,
  args: ComplaintNoteArgs
): Promise<MutationOutcome> {
  // The same note re-sent under a new mutation id is a retry, not a second note.
  const repeat = await repeatOf(tx, 'complaint_events', args.id, claims.userId, 'A complaint event')
  if (repeat) return repeat
  const rows = await tx.query<{
    id: string
    team_id: string | null
    status: string
    practice: boolean
    agent_id: string
  }>('SELECT id, team_id, status, practice, agent_id FROM complaints WHERE id = $1', [
    args.complaintId
  ])
  const row = rows[0]
  if (!row) {
    return rejected('not_found', 'The complaint does not exist', { complaintId: args.complaintId })
  }
  const refusal = caseAccessRefusal(claims, row)
  if (refusal !== null) return rejected('forbidden', refusal)
  const event = await recordComplaintEvent(tx, {
    id: args.id,
    complaintId: row.id,
    scope: caseScope(row),
    action: 'note',
    fromStatus: row.status,
    toStatus: row.status,
    note: args.note,
    actorId: claims.userId,
    at: args.at
  })
  return { status: 'applied', changes: [event] }
}
