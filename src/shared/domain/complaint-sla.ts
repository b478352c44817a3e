/**
 * Service level of an open complaint on the card: it must be resolved within 48 hours of being
 * filed. "Due soon" in the last 12 hours, "overdue" after. The README documents the rule.
 */
export const COMPLAINT_SLA_HOURS = 48
export const COMPLAINT_DUE_SOON_HOURS = 12

const HOUR_MS = 3_600_000

export type SlaState = 'on_time' | 'due_soon' | 'overdue'

/** Statuses that still count against the SLA. */
export const openComplaintStatuses: readonly string[] = ['open', 'in_progress']

export function isOpenComplaint(c: { status: string }): boolean {
  return openComplaintStatuses.includes(c.status)
}

/** The SLA state of a complaint filed at `createdAt` (ISO), seen at `now`. */
export function complaintSla(createdAt: string, now: Date): SlaState {
  const filed = Date.parse(createdAt)
  // An unreadable date cannot prove the complaint is on time.
  if (Number.isNaN(filed)) return 'overdue'
  const left = filed + COMPLAINT_SLA_HOURS * HOUR_MS - now.getTime()
  if (left <= 0) return 'overdue'
  return left <= COMPLAINT_DUE_SOON_HOURS * HOUR_MS ? 'due_soon' : 'on_time'
}
