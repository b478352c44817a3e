/**
 * `compensation.grant`: the server decides authority again with its own data (the actor's role,
 * the customer's tier in its database, what this agent and this customer got today by its own
 * clock), whatever the client claims. Within authority the compensation is granted; above it, it
 * becomes a request for the team's lead. The result tells the client which.
 */
import { decideGrant } from '@shared/domain/compensation'
import type { CompensationGrantArgs } from '@shared/domain/compensation-record'
import { writeAudit } from '../auth/audit-log'
import type { AccessClaims } from '../auth/access-tokens'
import {
  COMPENSATION_COLUMNS,
  compensationOf,
  grantedToday,
  readCompensationLimits,
  startOfServerDay,
  compensationChange,
  type CompensationRow
} from './compensation-store'
import type { Queryable } from '../db/db'
import { valueTiers, type ValueTier } from '@shared/domain/customer'
import { caseAccessRefusal } from '../complaints/complaint-access'
import { recordComplaintEvent } from '../complaints/complaint-events'
import { markedScope } from '../sync/visibility'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'

const GRANTING_ROLES: readonly string[] = ['agent', 'team_lead', 'admin']

async function customerTier(tx: Queryable, customerId: string): Promise<ValueTier | undefined> {
  const rows = await tx.query<{ tier: string }>(
    'SELECT tier FROM customers WHERE id = $1 FOR UPDATE',
    [customerId]
  )
  return valueTiers.find((t) => t === rows[0]?.tier)
}

/** A persona's tier as its newest published scenario version has it: the server's own data. */
async function personaTier(tx: Queryable, personaId: string): Promise<ValueTier | undefined> {
  const rows = await tx.query<{ tier: string | null }>(
    `SELECT scenario->'persona'->>'valueTier' AS tier FROM practice_scenarios
     WHERE scenario->'persona'->>'id' = $1 AND status = 'published'
     ORDER BY published_at DESC LIMIT 1`,
    [personaId]
  )
  return valueTiers.find((t) => t === rows[0]?.tier)
}

export async function applyCompensationGrant(
  tx: Queryable,
  claims: AccessClaims,
  args: CompensationGrantArgs
): Promise<MutationOutcome> {
  // The same grant re-sent under a new mutation id is a retry: it answers what was decided.
  const previous = await tx.query<{ requested_by: string; status: string }>(
    'SELECT requested_by, status FROM compensations WHERE id = $1',
    [args.id]
  )
  const earlier = previous[0]
  if (earlier) {
    if (earlier.requested_by !== claims.userId) {
      return rejected('conflict', 'A compensation with this id belongs to another user')
    }
    const status = earlier.status === 'granted' ? 'granted' : 'pending'
    return { status: 'applied', changes: [], compensation: status }
  }
  if (!GRANTING_ROLES.includes(claims.role)) {
    return rejected('forbidden', 'Your role cannot grant compensation')
  }
  const complaints = await tx.query<{
    id: string
    customer_id: string | null
    persona_id: string | null
    practice: boolean
    team_id: string | null
    agent_id: string
    status: string
  }>(
    `SELECT id, customer_id, persona_id, practice, team_id, agent_id, status
     FROM complaints WHERE id = $1 FOR UPDATE`,
    [args.complaintId]
  )
  const complaint = complaints[0]
  if (!complaint) {
    return rejected('not_found', 'The complaint does not exist', { complaintId: args.complaintId })
  }
  const access = caseAccessRefusal(claims, complaint)
  if (access !== null) return rejected('forbidden', access)
  const partyId = complaint.practice ? complaint.persona_id : complaint.customer_id
  if (partyId === null) {
    return rejected('invalid_argument', 'A compensation needs a complaint with a known customer')
  }
  if (complaint.status === 'closed') {
    return rejected('conflict', 'A closed complaint takes no compensation')
  }
  // Concurrent grants by this person or to this customer wait for each other, so two of them
  // can never both fit under a cap that only one fits under (users first, then customers).
  await tx.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [claims.userId])
  const tier = complaint.practice ? await personaTier(tx, partyId) : await customerTier(tx, partyId)
  if (tier === undefined) return rejected('not_found', "The complaint's customer does not exist")
  const limits = await readCompensationLimits(tx)
  const today = await grantedToday(tx, {
    agentId: claims.userId,
    partyId,
    practice: complaint.practice,
    currency: limits.currency,
    since: startOfServerDay(new Date())
  })
  const outcome = decideGrant(
    limits,
    {
      role: claims.role,
      tier,
      grantedTodayByAgent: today.byAgent,
      grantedTodayToCustomer: today.toCustomer
    },
    args
  )
  const inserted = await tx.query<CompensationRow>(
    `INSERT INTO compensations (id, complaint_id, customer_id, team_id, type, amount, currency,
       reason, tier, status, approval_reason, requested_by, requested_at, practice, persona_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     RETURNING ${COMPENSATION_COLUMNS}`,
    [
      args.id,
      complaint.id,
      complaint.customer_id,
      complaint.team_id,
      args.type,
      args.amount,
      args.currency,
      args.reason,
      tier,
      outcome.status,
      outcome.approvalReason,
      claims.userId,
      args.at,
      complaint.practice,
      complaint.persona_id
    ]
  )
  const row = inserted[0]
  if (!row) throw new Error('compensation insert returned no row')
  const compensation = compensationOf(row)
  const granted = outcome.status === 'granted'
  const event = await recordComplaintEvent(tx, {
    // One event per compensation: its id is the compensation's, so a retry cannot double it.
    id: compensation.id,
    complaintId: complaint.id,
    scope: markedScope(
      { practice: complaint.practice, teamId: complaint.team_id },
      complaint.agent_id
    ),
    action: granted ? 'compensation_granted' : 'compensation_requested',
    fromStatus: complaint.status,
    toStatus: complaint.status,
    note: args.reason,
    actorId: claims.userId,
    at: args.at,
    compensationId: compensation.id
  })
  await writeAudit(tx, {
    action: granted ? 'compensation.granted' : 'compensation.requested',
    actorId: claims.userId,
    target: compensation.id,
    details: {
      complaintId: complaint.id,
      customerId: complaint.customer_id,
      personaId: complaint.persona_id,
      type: args.type,
      amount: args.amount,
      currency: args.currency,
      tier,
      status: outcome.status,
      approvalReason: outcome.approvalReason,
      // A client that showed "granted" for what the server sends to a lead is worth knowing.
      clientExpected: args.expected
    }
  })
  return {
    status: 'applied',
    changes: [compensationChange(compensation), event],
    compensation: outcome.status
  }
}
