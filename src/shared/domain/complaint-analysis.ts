/**
 * Complaint analysis for leads and admins: which few causes produce most complaints (Pareto by
 * category and by quality dimension), SLA compliance, the recovery rate and what compensation
 * cost, over the complaints filed in a period. The server counts in SQL; these pure helpers turn
 * the counts into shares and rates, the same way for every caller.
 *
 * @remarks
 * Rules (the README repeats them):
 * - The period is `[from, to)` on the day the complaint was filed (`createdAt`); a date means
 *   its start in UTC.
 * - SLA compliance = complaints resolved by their due time / complaints resolved (resolved or
 *   closed, with a due time). Breached open = still counting against the SLA past the due time.
 * - Recovery rate = recovered / resolved complaints with a customer. Recovered: resolved, never
 *   reopened, and the customer filed no new complaint within {@link RETENTION_WINDOW_DAYS} days
 *   after the resolution (a customer who complains again was not won back).
 * - Compensation totals count what was given: granted within authority, or approved.
 */
import { z } from 'zod'

/** A new complaint by the same customer within this many days of a resolution: not retained. */
export const RETENTION_WINDOW_DAYS = 30

/** The key of complaints filed without a quality dimension. */
export const UNSPECIFIED_KEY = 'unspecified'

const instantSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()])

export const complaintAnalysisQuerySchema = z.object({
  from: instantSchema,
  to: instantSchema,
  /** Admins only: one team's complaints (leads always get their own team). */
  team: z.uuid().optional()
})
export type ComplaintAnalysisQuery = z.infer<typeof complaintAnalysisQuerySchema>

export const paretoRowSchema = z.object({
  key: z.string(),
  count: z.number().int().min(0),
  /** This key's share of all counted complaints, 0..1. */
  share: z.number().min(0).max(1),
  /** The share of this key and every bigger one before it, 0..1 (the Pareto line). */
  cumulativeShare: z.number().min(0).max(1)
})
export type ParetoRow = z.infer<typeof paretoRowSchema>

export const compensationTotalSchema = z.object({
  tier: z.string(),
  type: z.string(),
  currency: z.string(),
  count: z.number().int().min(0),
  total: z.number()
})
export type CompensationTotal = z.infer<typeof compensationTotalSchema>

export const complaintAnalysisReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The team the figures are about; null: every team (admins). */
  teamId: z.uuid().nullable(),
  total: z.number().int().min(0),
  byCategory: z.array(paretoRowSchema),
  byQualityDimension: z.array(paretoRowSchema),
  sla: z.object({
    resolved: z.number().int().min(0),
    resolvedWithinDue: z.number().int().min(0),
    /** resolvedWithinDue / resolved; null when nothing was resolved. */
    compliance: z.number().min(0).max(1).nullable(),
    open: z.number().int().min(0),
    openBreached: z.number().int().min(0)
  }),
  recovery: z.object({
    resolvedWithCustomer: z.number().int().min(0),
    recovered: z.number().int().min(0),
    rate: z.number().min(0).max(1).nullable()
  }),
  compensation: z.array(compensationTotalSchema)
})
export type ComplaintAnalysisReport = z.infer<typeof complaintAnalysisReportSchema>

/** `part / whole`, or null when there is nothing to divide (no rate rather than a false 0 %). */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null
  return Math.min(1, Math.max(0, part / whole))
}

/**
 * Counts per key as Pareto rows: biggest first (ties by key, so the order is stable), each with
 * its share and the cumulative share; the last row's cumulative share is exactly 1.
 */
export function pareto(counts: readonly { key: string; count: number }[]): ParetoRow[] {
  const rows = counts.filter((c) => c.count > 0)
  const total = rows.reduce((sum, c) => sum + c.count, 0)
  const sorted = [...rows].sort((a, b) =>
    b.count === a.count ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : b.count - a.count
  )
  let running = 0
  return sorted.map((c) => {
    running += c.count
    return {
      key: c.key,
      count: c.count,
      share: c.count / total,
      // Dividing the running sum (not adding shares) keeps the last row at exactly 1.
      cumulativeShare: running / total
    }
  })
}

/** The start of a query bound: a date is its first instant in UTC. */
export function boundInstant(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value)
}
