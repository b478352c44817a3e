/**
 * When a callback needs the agent: overdue once its time has passed by more than the grace
 * period, due from a few minutes before its time, upcoming before that; done ones never.
 */
export type CallbackDueState = 'overdue' | 'due' | 'upcoming' | 'done'

/** How early a callback counts as due, so the agent can get ready for it. */
export const DUE_SOON_MS = 5 * 60_000
/** How late it may be made before it counts as overdue. */
export const OVERDUE_GRACE_MS = 15 * 60_000

export function callbackDueState(
  callback: { dueAt: string; status: 'open' | 'done' },
  now: Date
): CallbackDueState {
  if (callback.status === 'done') return 'done'
  const lateBy = now.getTime() - Date.parse(callback.dueAt)
  if (lateBy > OVERDUE_GRACE_MS) return 'overdue'
  if (lateBy >= -DUE_SOON_MS) return 'due'
  return 'upcoming'
}

/** Open callbacks whose time has come, soonest first: what the reminder announces. */
export function callbacksComingDue<
  T extends { id: string; dueAt: string; status: 'open' | 'done' }
>(callbacks: readonly T[], now: Date): T[] {
  return callbacks
    .filter((c) => c.status === 'open' && Date.parse(c.dueAt) <= now.getTime())
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
}

/**
 * A due time from what a script gives: an exact instant as is; a bare date the customer chose
 * at `hour` o'clock local time on that day; nothing, nothing.
 */
export function dueFromScript(
  due: { at: string } | { date: string } | null,
  hour = 10
): Date | null {
  if (due === null) return null
  if ('at' in due) return new Date(due.at)
  const [y, m, d] = due.date.split('-').map(Number)
  if (y === undefined || m === undefined || d === undefined) return null
  return new Date(y, m - 1, d, hour, 0, 0, 0)
}
