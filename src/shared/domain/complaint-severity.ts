/**
 * Severity decides how fast a complaint must be resolved. The hours are configuration (the
 * server's settings); these defaults are what a consumer-services contact center commonly uses.
 */
import { z } from 'zod'

export const severities = ['low', 'medium', 'high', 'critical'] as const
export type Severity = (typeof severities)[number]

export const slaHoursSchema = z.strictObject({
  low: z
    .number()
    .positive()
    .max(24 * 90),
  medium: z
    .number()
    .positive()
    .max(24 * 90),
  high: z
    .number()
    .positive()
    .max(24 * 90),
  critical: z
    .number()
    .positive()
    .max(24 * 90)
})
export type SlaHours = z.infer<typeof slaHoursSchema>

export const DEFAULT_SLA_HOURS: SlaHours = { low: 120, medium: 48, high: 24, critical: 4 }

/** The share of the allowed time left under which a case is "due soon". */
export const DUE_SOON_SHARE = 0.25

const HOUR_MS = 3_600_000

/** When a complaint filed at `createdAt` with `severity` must be resolved (ISO). */
export function slaDueAt(createdAt: string, severity: Severity, hours: SlaHours): string {
  return new Date(Date.parse(createdAt) + hours[severity] * HOUR_MS).toISOString()
}

export type SlaStatus = 'on_time' | 'due_soon' | 'breached' | 'met' | 'missed'

/**
 * Where a complaint stands against its due time: while it counts against the SLA, on time, due
 * soon or breached; once resolved, met or missed (resolved after the due time).
 */
export function slaStatus(args: {
  createdAt: string
  dueAt: string
  resolvedAt: string | null
  now: Date
}): SlaStatus {
  const due = Date.parse(args.dueAt)
  const created = Date.parse(args.createdAt)
  // A case whose dates cannot be read cannot prove it is on time.
  if (Number.isNaN(due) || Number.isNaN(created)) return args.resolvedAt ? 'missed' : 'breached'
  if (args.resolvedAt !== null) return Date.parse(args.resolvedAt) <= due ? 'met' : 'missed'
  const left = due - args.now.getTime()
  if (left <= 0) return 'breached'
  return left <= (due - created) * DUE_SOON_SHARE ? 'due_soon' : 'on_time'
}

/** Milliseconds to the due time (negative once breached), for the countdown. */
export function slaRemainingMs(dueAt: string, now: Date): number {
  return Date.parse(dueAt) - now.getTime()
}
