/**
 * The server's own data for compensation decisions: the configured limits, what an agent and a
 * customer got today, and the compensation rows as the protocol sends them.
 */
import { compensationSchema, type Compensation } from '@shared/domain/compensation-record'
import { compensationLimitsSchema, type CompensationLimits } from '@shared/domain/configuration'
import type { Queryable } from '../db/db'
import type { NewChange } from '../sync/change-log'
import { markedScope } from '../sync/visibility'

/** The limits as configured in the database (what clients pull is published from the same). */
export async function readCompensationLimits(tx: Queryable): Promise<CompensationLimits> {
  const perGrant = await tx.query<{ role: string; tier: string; max_amount: number }>(
    'SELECT role, tier, max_amount::float8 AS max_amount FROM compensation_limits'
  )
  const caps = await tx.query<{ scope: string; role: string; max_amount: number }>(
    'SELECT scope, role, max_amount::float8 AS max_amount FROM compensation_caps'
  )
  const currency = await tx.query<{ value: unknown }>(
    "SELECT value FROM settings WHERE key = 'currency'"
  )
  // No configured customer cap means no authority at all, never an unlimited one.
  return compensationLimitsSchema.parse({
    currency: currency[0]?.value ?? 'XXX',
    perGrant: perGrant.map((l) => ({ role: l.role, tier: l.tier, maxAmount: l.max_amount })),
    dailyCapPerAgent: caps
      .filter((c) => c.scope === 'agent_daily')
      .map((c) => ({ role: c.role, maxAmount: c.max_amount })),
    dailyCapPerCustomer: caps.find((c) => c.scope === 'customer_daily')?.max_amount ?? 0
  })
}

/**
 * Replaces the limits, the caps and the currency with `limits`: an admin's edit, or the seed's
 * defaults into empty tables. Callers hold the transaction (and, for an edit, the table locks).
 */
export async function replaceCompensationLimits(
  tx: Queryable,
  limits: CompensationLimits
): Promise<void> {
  await tx.query('DELETE FROM compensation_limits')
  await tx.query('DELETE FROM compensation_caps')
  for (const l of limits.perGrant) {
    await tx.query('INSERT INTO compensation_limits (role, tier, max_amount) VALUES ($1, $2, $3)', [
      l.role,
      l.tier,
      l.maxAmount
    ])
  }
  for (const c of limits.dailyCapPerAgent) {
    await tx.query(
      "INSERT INTO compensation_caps (scope, role, max_amount) VALUES ('agent_daily', $1, $2)",
      [c.role, c.maxAmount]
    )
  }
  await tx.query(
    "INSERT INTO compensation_caps (scope, role, max_amount) VALUES ('customer_daily', '', $1)",
    [limits.dailyCapPerCustomer]
  )
  await tx.query(
    `INSERT INTO settings (key, value) VALUES ('currency', $1::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [JSON.stringify(limits.currency)]
  )
}

/**
 * The start of the server's current day. Days are UTC days: the server has no configured
 * centre time zone yet, and the client's clock is never trusted for a cap.
 */
export function startOfServerDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

/**
 * What `agentId` granted on their own authority today, and what the party (a customer, or in
 * practice a persona) received today (granted or approved), in `currency`, counted by the
 * server's receipt time. Practice and production are counted apart: practice never uses up a
 * real cap, nor production a practice one.
 */
export async function grantedToday(
  tx: Queryable,
  who: { agentId: string; partyId: string; practice: boolean; currency: string; since: Date }
): Promise<{ byAgent: number; toCustomer: number }> {
  // The party's own column, so production keeps using the customer-day index.
  const party = who.practice ? 'persona_id' : 'customer_id'
  const rows = await tx.query<{ by_agent: number; to_customer: number }>(
    `SELECT
       COALESCE(SUM(amount) FILTER (WHERE requested_by = $1 AND status = 'granted'), 0)::float8
         AS by_agent,
       COALESCE(SUM(amount) FILTER (WHERE ${party} = $2
                                      AND status IN ('granted', 'approved')), 0)::float8
         AS to_customer
     FROM compensations
     WHERE (requested_by = $1 OR ${party} = $2)
       AND currency = $3 AND received_at >= $4 AND practice = $5`,
    [who.agentId, who.partyId, who.currency, who.since.toISOString(), who.practice]
  )
  return { byAgent: rows[0]?.by_agent ?? 0, toCustomer: rows[0]?.to_customer ?? 0 }
}

export interface CompensationRow {
  id: string
  complaint_id: string
  customer_id: string | null
  practice: boolean
  persona_id: string | null
  team_id: string | null
  type: string
  amount: number
  currency: string
  reason: string
  tier: string
  status: string
  approval_reason: string | null
  requested_by: string
  requested_at: Date
  decided_by: string | null
  decided_at: Date | null
  decision_reason: string | null
}

/** Every column, the amount as a number. */
export const COMPENSATION_COLUMNS = `id, complaint_id, customer_id, practice, persona_id, team_id, type,
  amount::float8 AS amount, currency, reason, tier, status, approval_reason, requested_by,
  requested_at, decided_by, decided_at, decision_reason`

/** The compensation as the protocol sends it; a row the schema cannot read is a server bug. */
export function compensationOf(row: CompensationRow): Compensation {
  return compensationSchema.parse({
    id: row.id,
    complaintId: row.complaint_id,
    customerId: row.customer_id,
    practice: row.practice,
    personaId: row.persona_id,
    teamId: row.team_id,
    type: row.type,
    amount: row.amount,
    currency: row.currency,
    reason: row.reason,
    tier: row.tier,
    status: row.status,
    approvalReason: row.approval_reason,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at.toISOString(),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionReason: row.decision_reason
  })
}

/** The compensation's change: a practice one to the trainers and its trainee only. */
export function compensationChange(compensation: Compensation): NewChange {
  return {
    entity: 'compensation',
    entityId: compensation.id,
    ...markedScope(compensation, compensation.requestedBy),
    data: compensation
  }
}
