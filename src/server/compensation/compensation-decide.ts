/**
 * `compensation.decide`: a lead of the request's team (or an admin) approves or rejects a
 * compensation above the agent's authority. A request is decided once: the row is locked and
 * its status checked, so a second decision, even a simultaneous one, is refused.
 */
import { decisionRefusal, type CompensationDecideArgs } from '@shared/domain/compensation-record'
import { writeAudit } from '../auth/audit-log'
import type { AccessClaims } from '../auth/access-tokens'
import {
  COMPENSATION_COLUMNS,
  compensationChange,
  compensationOf,
  type CompensationRow
} from './compensation-store'
import type { Queryable } from '../db/db'
import { recordComplaintEvent } from '../complaints/complaint-events'
import { markedScope } from '../sync/visibility'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'

export async function applyCompensationDecide(
  tx: Queryable,
  claims: AccessClaims,
  args: CompensationDecideArgs
): Promise<MutationOutcome> {
  const rows = await tx.query<CompensationRow>(
    `SELECT ${COMPENSATION_COLUMNS} FROM compensations WHERE id = $1 FOR UPDATE`,
    [args.compensationId]
  )
  const row = rows[0]
  if (!row) {
    return rejected('not_found', 'The compensation request does not exist', {
      compensationId: args.compensationId
    })
  }
  const current = compensationOf(row)
  // The same decision re-sent under a new mutation id is a retry, not a second decision.
  const previous = await tx.query<{ actor_id: string }>(
    'SELECT actor_id FROM complaint_events WHERE id = $1',
    [args.id]
  )
  if (previous[0]) {
    if (previous[0].actor_id === claims.userId) {
      return { status: 'applied', changes: [], compensation: current.status }
    }
    return rejected('conflict', 'A complaint event with this id belongs to another user')
  }
  const refusal = decisionRefusal(claims, current)
  if (refusal === 'forbidden') {
    return rejected(
      'forbidden',
      "Only a lead of the agent's team (a trainer in practice) or an admin decides this request"
    )
  }
  if (refusal === 'own_request') {
    return rejected('forbidden', 'Nobody decides their own compensation request')
  }
  if (refusal === 'already_decided') {
    return rejected('conflict', `This request was already decided: ${current.status}`, {
      status: current.status,
      decidedBy: current.decidedBy
    })
  }
  const status = args.decision === 'approve' ? 'approved' : 'rejected'
  const reason = args.reason === '' ? null : args.reason
  const updated = await tx.query<CompensationRow>(
    `UPDATE compensations SET status = $2, decided_by = $3, decided_at = $4, decision_reason = $5
     WHERE id = $1 RETURNING ${COMPENSATION_COLUMNS}`,
    [current.id, status, claims.userId, args.at, reason]
  )
  const decidedRow = updated[0]
  if (!decidedRow) throw new Error('compensation update returned no row')
  const decided = compensationOf(decidedRow)
  const complaint = await tx.query<{ status: string }>(
    'SELECT status FROM complaints WHERE id = $1',
    [decided.complaintId]
  )
  const complaintStatus = complaint[0]?.status ?? 'open'
  const event = await recordComplaintEvent(tx, {
    id: args.id,
    complaintId: decided.complaintId,
    scope: markedScope(decided, decided.requestedBy),
    action: status === 'approved' ? 'compensation_approved' : 'compensation_rejected',
    fromStatus: complaintStatus,
    toStatus: complaintStatus,
    note: reason,
    actorId: claims.userId,
    at: args.at,
    compensationId: decided.id
  })
  await writeAudit(tx, {
    action: status === 'approved' ? 'compensation.approved' : 'compensation.rejected',
    actorId: claims.userId,
    target: decided.id,
    details: {
      complaintId: decided.complaintId,
      requestedBy: decided.requestedBy,
      amount: decided.amount,
      currency: decided.currency,
      tier: decided.tier,
      reason
    }
  })
  return {
    status: 'applied',
    changes: [compensationChange(decided), event],
    compensation: status
  }
}
