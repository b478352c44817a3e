/**
 * `complaint.transition`: one lifecycle step, checked against the case's current status, the
 * actor's role and team, and recorded in the case's timeline. The changed case goes back to
 * every client that sees it.
 */
import {
  lifecycleStatuses,
  lifecycleTransition,
  type TransitionRefusal
} from '@shared/domain/complaint-lifecycle'
import { complaintSchema, type Complaint } from '@shared/domain/complaint'
import type { ComplaintTransitionArgs } from '@shared/domain/complaint-transition'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { caseAccessRefusal, caseRole } from './complaint-access'
import { complaintChange } from './complaint-create'
import { recordComplaintEvent } from './complaint-events'
import { markedScope } from '../sync/visibility'
import { rejected, repeatOf, type MutationOutcome } from '../sync/mutation-outcome'

export interface ComplaintRow {
  id: string
  case_number: string
  customer_id: string | null
  call_id: string | null
  category: string
  subcategory: string | null
  severity: string
  quality_dimension: string | null
  expected: string
  received: string
  requested_remedy: string
  product_code: string | null
  product_name: string
  channel: string | null
  description: string
  status: string
  agent_id: string
  team_id: string | null
  practice: boolean
  persona_id: string | null
  created_at: Date
  received_at: Date
  due_at: Date | null
  assignee_id: string | null
  escalated_at: Date | null
  escalation_reason: string | null
}

/** The case as the protocol sends it; a row the schema cannot read is a server bug. */
export function complaintOf(row: ComplaintRow): Complaint {
  return complaintSchema.parse({
    id: row.id,
    customerId: row.customer_id,
    callId: row.call_id,
    category: row.category,
    description: row.description,
    createdAt: row.created_at.toISOString(),
    subcategory: row.subcategory,
    severity: row.severity,
    qualityDimension: row.quality_dimension,
    expected: row.expected,
    received: row.received,
    requestedRemedy: row.requested_remedy,
    productCode: row.product_code,
    productName: row.product_name,
    channel: row.channel,
    caseNumber: row.case_number,
    status: row.status,
    agentId: row.agent_id,
    teamId: row.team_id,
    practice: row.practice,
    personaId: row.persona_id,
    receivedAt: row.received_at.toISOString(),
    dueAt: row.due_at?.toISOString() ?? null,
    assigneeId: row.assignee_id,
    escalatedAt: row.escalated_at?.toISOString() ?? null,
    escalationReason: row.escalation_reason
  })
}

/** Where the case's changes go (see `markedScope`). */
export function caseScope(row: Pick<ComplaintRow, 'practice' | 'team_id' | 'agent_id'>): {
  teamId: string | null
  userId: string | null
} {
  return markedScope({ practice: row.practice, teamId: row.team_id }, row.agent_id)
}

const refusals: Record<TransitionRefusal, (status: string, action: string) => string> = {
  not_allowed_from_status: (status, action) =>
    `A complaint that is ${status} cannot take the action "${action}"`,
  role_not_allowed: (_status, action) => `Your role cannot take the action "${action}"`
}

/** Applies a lifecycle step inside the caller's transaction. */
export async function applyComplaintTransition(
  tx: Queryable,
  claims: AccessClaims,
  args: ComplaintTransitionArgs
): Promise<MutationOutcome> {
  // The same actor re-sending the step under a new mutation id is a retry, not a second step.
  const repeat = await repeatOf(tx, 'complaint_events', args.id, claims.userId, 'A complaint event')
  if (repeat) return repeat
  const rows = await tx.query<ComplaintRow>('SELECT * FROM complaints WHERE id = $1 FOR UPDATE', [
    args.complaintId
  ])
  const row = rows[0]
  if (!row) {
    return rejected('not_found', 'The complaint does not exist', {
      complaintId: args.complaintId
    })
  }
  const refusal = caseAccessRefusal(claims, row)
  if (refusal !== null) return rejected('forbidden', refusal)
  const from = lifecycleStatuses.find((s) => s === row.status) ?? 'open'
  const result = lifecycleTransition(from, args.action, caseRole(claims, row))
  if (!result.ok) {
    const code = result.reason === 'role_not_allowed' ? 'forbidden' : 'conflict'
    return rejected(code, refusals[result.reason](from, args.action), {
      status: from,
      action: args.action
    })
  }
  const updated = await tx.query<ComplaintRow>(
    `UPDATE complaints SET status = $2,
       resolved_at = CASE WHEN $2 = 'resolved' THEN $3::timestamptz
                          WHEN $2 = 'closed' THEN resolved_at ELSE NULL END
     WHERE id = $1 RETURNING *`,
    [row.id, result.to, args.at]
  )
  const event = await recordComplaintEvent(tx, {
    id: args.id,
    complaintId: row.id,
    scope: caseScope(row),
    action: args.action,
    fromStatus: from,
    toStatus: result.to,
    note: args.note,
    actorId: claims.userId,
    at: args.at
  })
  const complaint = complaintOf(updated[0] ?? { ...row, status: result.to })
  return {
    status: 'applied',
    changes: [complaintChange(complaint), event]
  }
}
