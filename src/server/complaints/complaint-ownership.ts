/**
 * `complaint.escalate` and `complaint.assign`: who works a case, decided on the server by the
 * shared rules (role, team, status, assignee) on the locked row, kept in the case's timeline and
 * the audit log. The changed case goes back to every client of its team, so a lead's queue shows
 * an escalation live and an assignee finds the case in their own list.
 */
import {
  assignmentKind,
  assignmentRefusal,
  escalationRefusal,
  ownershipRefusalMessages,
  type ComplaintAssignArgs,
  type ComplaintEscalateArgs,
  type OwnershipRefusal
} from '@shared/domain/complaint-ownership'
import { roles } from '@shared/domain/user'
import { writeAudit } from '../auth/audit-log'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { caseAccessRefusal, caseRole } from './complaint-access'
import { complaintChange } from './complaint-create'
import { recordComplaintEvent } from './complaint-events'
import { caseScope, complaintOf, type ComplaintRow } from './complaint-transition'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'

type Loaded = { kind: 'row'; row: ComplaintRow } | { kind: 'done'; outcome: MutationOutcome }

/** The same event id again is a retry (same actor) or a conflict; else the locked case. */
async function loadForUpdate(
  tx: Queryable,
  claims: AccessClaims,
  eventId: string,
  complaintId: string
): Promise<Loaded> {
  const previous = await tx.query<{ actor_id: string }>(
    'SELECT actor_id FROM complaint_events WHERE id = $1',
    [eventId]
  )
  if (previous[0]) {
    return {
      kind: 'done',
      outcome:
        previous[0].actor_id === claims.userId
          ? { status: 'applied', changes: [] }
          : rejected('conflict', 'A complaint event with this id belongs to another user')
    }
  }
  const rows = await tx.query<ComplaintRow>('SELECT * FROM complaints WHERE id = $1 FOR UPDATE', [
    complaintId
  ])
  const row = rows[0]
  if (!row) {
    return {
      kind: 'done',
      outcome: rejected('not_found', 'The complaint does not exist', { complaintId })
    }
  }
  return { kind: 'row', row }
}

function ownedOf(row: ComplaintRow) {
  return {
    teamId: row.team_id,
    status: row.status,
    agentId: row.agent_id,
    assigneeId: row.assignee_id,
    escalatedAt: row.escalated_at?.toISOString() ?? null
  }
}

function refusedBecause(refusal: OwnershipRefusal): MutationOutcome {
  const code =
    refusal === 'role_not_allowed' || refusal === 'other_team'
      ? 'forbidden'
      : refusal === 'assignee_not_in_team'
        ? 'invalid_argument'
        : 'conflict'
  return rejected(code, ownershipRefusalMessages[refusal], { refusal })
}

/**
 * The actor the shared ownership rules see. On a practice case (worked by its trainee and the
 * trainers only, checked first) the trainer plays the trainee's lead, inside the case's team.
 */
function actorOf(claims: AccessClaims, row: ComplaintRow) {
  if (!row.practice) return { userId: claims.userId, role: claims.role, teamId: claims.teamId }
  return { userId: claims.userId, role: caseRole(claims, row), teamId: row.team_id }
}

export async function applyComplaintEscalate(
  tx: Queryable,
  claims: AccessClaims,
  args: ComplaintEscalateArgs
): Promise<MutationOutcome> {
  const loaded = await loadForUpdate(tx, claims, args.id, args.complaintId)
  if (loaded.kind === 'done') return loaded.outcome
  const row = loaded.row
  const access = caseAccessRefusal(claims, row)
  if (access !== null) return rejected('forbidden', access)
  const refusal = escalationRefusal(actorOf(claims, row), ownedOf(row))
  if (refusal !== null) return refusedBecause(refusal)
  const updated = await tx.query<ComplaintRow>(
    `UPDATE complaints SET escalated_at = $2, escalated_by = $3, escalation_reason = $4
     WHERE id = $1 RETURNING *`,
    [row.id, args.at, claims.userId, args.reason]
  )
  const event = await recordComplaintEvent(tx, {
    id: args.id,
    complaintId: row.id,
    scope: caseScope(row),
    action: 'escalated',
    fromStatus: row.status,
    toStatus: row.status,
    note: args.reason,
    actorId: claims.userId,
    at: args.at
  })
  await writeAudit(tx, {
    action: 'complaint.escalated',
    actorId: claims.userId,
    target: row.id,
    details: { caseNumber: row.case_number, teamId: row.team_id, reason: args.reason }
  })
  const complaint = complaintOf(updated[0] ?? row)
  return {
    status: 'applied',
    changes: [complaintChange(complaint), event]
  }
}

export async function applyComplaintAssign(
  tx: Queryable,
  claims: AccessClaims,
  args: ComplaintAssignArgs
): Promise<MutationOutcome> {
  const loaded = await loadForUpdate(tx, claims, args.id, args.complaintId)
  if (loaded.kind === 'done') return loaded.outcome
  const row = loaded.row
  const access = caseAccessRefusal(claims, row)
  if (access !== null) return rejected('forbidden', access)
  const users = await tx.query<{ id: string; role: string; team_id: string | null }>(
    'SELECT id, role, team_id FROM users WHERE id = $1',
    [args.assigneeId]
  )
  const user = users[0]
  const role = roles.find((r) => r === user?.role)
  const assignee = user && role ? { id: user.id, role, teamId: user.team_id } : null
  const actor = actorOf(claims, row)
  const owned = ownedOf(row)
  const refusal = assignmentRefusal(actor, owned, assignee)
  if (refusal !== null) return refusedBecause(refusal)
  const kind = assignmentKind(actor, owned, args.assigneeId)
  // A lead's (or admin's) assignment answers an open escalation; an agent taking a case cannot.
  const answersEscalation = claims.role !== 'agent'
  const updated = await tx.query<ComplaintRow>(
    `UPDATE complaints SET assignee_id = $2,
       escalated_at = CASE WHEN $3::boolean THEN NULL ELSE escalated_at END,
       escalation_reason = CASE WHEN $3::boolean THEN NULL ELSE escalation_reason END
     WHERE id = $1 RETURNING *`,
    [row.id, args.assigneeId, answersEscalation]
  )
  const event = await recordComplaintEvent(tx, {
    id: args.id,
    complaintId: row.id,
    scope: caseScope(row),
    action: kind,
    fromStatus: row.status,
    toStatus: row.status,
    note: null,
    actorId: claims.userId,
    at: args.at,
    assigneeId: args.assigneeId
  })
  await writeAudit(tx, {
    action: 'complaint.assigned',
    actorId: claims.userId,
    target: row.id,
    details: {
      caseNumber: row.case_number,
      kind,
      from: row.assignee_id,
      to: args.assigneeId,
      answeredEscalation: answersEscalation && row.escalated_at !== null
    }
  })
  const complaint = complaintOf(updated[0] ?? row)
  return {
    status: 'applied',
    changes: [complaintChange(complaint), event]
  }
}
