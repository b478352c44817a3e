/**
 * The complaint analysis counted in SQL over the complaints filed in `[from, to)`, optionally
 * of one team; the shared helpers turn the counts into Pareto rows and rates. The rules are in
 * src/shared/domain/complaint-analysis.ts.
 */
import {
  pareto,
  rate,
  RETENTION_WINDOW_DAYS,
  UNSPECIFIED_KEY,
  type ComplaintAnalysisReport
} from '@shared/domain/complaint-analysis'
import type { Queryable } from '../db/db'

export interface AnalysisScope {
  from: Date
  to: Date
  /** Null: every team. */
  teamId: string | null
  now: Date
}

// Practice complaints (and so their compensations) are never production figures.
const IN_SCOPE = `c.created_at >= $1 AND c.created_at < $2 AND NOT c.practice
  AND ($3::uuid IS NULL OR c.team_id = $3::uuid)`

const OPEN = `c.status IN ('open', 'in_progress', 'awaiting_customer')`
const RESOLVED = `c.status IN ('resolved', 'closed') AND c.resolved_at IS NOT NULL`

interface Figures {
  total: number
  resolved: number
  resolved_within_due: number
  open: number
  open_breached: number
  resolved_with_customer: number
  recovered: number
}

async function countsBy(
  db: Queryable,
  column: string,
  scope: AnalysisScope
): Promise<{ key: string; count: number }[]> {
  return db.query<{ key: string; count: number }>(
    `SELECT ${column} AS key, COUNT(*)::int AS count FROM complaints c
     WHERE ${IN_SCOPE} GROUP BY 1`,
    [scope.from, scope.to, scope.teamId]
  )
}

async function figures(db: Queryable, scope: AnalysisScope): Promise<Figures> {
  const rows = await db.query<Figures>(
    `SELECT COUNT(*)::int AS total,
       COUNT(*) FILTER (WHERE ${RESOLVED} AND c.due_at IS NOT NULL)::int AS resolved,
       COUNT(*) FILTER (WHERE ${RESOLVED} AND c.due_at IS NOT NULL
                          AND c.resolved_at <= c.due_at)::int AS resolved_within_due,
       COUNT(*) FILTER (WHERE ${OPEN})::int AS open,
       COUNT(*) FILTER (WHERE ${OPEN} AND c.due_at IS NOT NULL AND c.due_at <= $4)::int
         AS open_breached,
       COUNT(*) FILTER (WHERE ${RESOLVED} AND c.customer_id IS NOT NULL)::int
         AS resolved_with_customer,
       COUNT(*) FILTER (WHERE ${RESOLVED} AND c.customer_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM complaint_events e
                         WHERE e.complaint_id = c.id AND e.action = 'reopen')
         AND NOT EXISTS (SELECT 1 FROM complaints later
                         WHERE later.customer_id = c.customer_id AND later.id <> c.id
                           AND NOT later.practice
                           AND later.created_at > c.resolved_at
                           AND later.created_at <= c.resolved_at + make_interval(days => $5::int))
       )::int AS recovered
     FROM complaints c WHERE ${IN_SCOPE}`,
    [scope.from, scope.to, scope.teamId, scope.now, RETENTION_WINDOW_DAYS]
  )
  const row = rows[0]
  if (!row) throw new Error('the analysis count returned no row')
  return row
}

async function compensationTotals(
  db: Queryable,
  scope: AnalysisScope
): Promise<ComplaintAnalysisReport['compensation']> {
  const rows = await db.query<{
    tier: string
    type: string
    currency: string
    count: number
    total: string
  }>(
    `SELECT k.tier, k.type, k.currency, COUNT(*)::int AS count, SUM(k.amount)::text AS total
     FROM compensations k JOIN complaints c ON c.id = k.complaint_id
     WHERE k.status IN ('granted', 'approved') AND ${IN_SCOPE}
     GROUP BY k.tier, k.type, k.currency ORDER BY k.tier, k.type, k.currency`,
    [scope.from, scope.to, scope.teamId]
  )
  // numeric arrives as text on both engines: exact until here, a JSON number from here on.
  return rows.map((r) => ({ ...r, total: Number(r.total) }))
}

export async function complaintAnalysis(
  db: Queryable,
  scope: AnalysisScope
): Promise<Omit<ComplaintAnalysisReport, 'from' | 'to' | 'teamId'>> {
  const byCategory = await countsBy(db, 'c.category', scope)
  const byDimension = await countsBy(
    db,
    `COALESCE(c.quality_dimension, '${UNSPECIFIED_KEY}')`,
    scope
  )
  const f = await figures(db, scope)
  return {
    total: f.total,
    byCategory: pareto(byCategory),
    byQualityDimension: pareto(byDimension),
    sla: {
      resolved: f.resolved,
      resolvedWithinDue: f.resolved_within_due,
      compliance: rate(f.resolved_within_due, f.resolved),
      open: f.open,
      openBreached: f.open_breached
    },
    recovery: {
      resolvedWithCustomer: f.resolved_with_customer,
      recovered: f.recovered,
      rate: rate(f.recovered, f.resolved_with_customer)
    },
    compensation: await compensationTotals(db, scope)
  }
}
