/**
 * Retry delays: exponential backoff with full jitter, so many clients coming back after an
 * outage spread out instead of hammering the server in step.
 */

/** Clock and timers, injected so the sync engine can be driven by tests. */
export interface Timers {
  now(): number
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface BackoffOptions {
  baseMs: number
  capMs: number
}

export const defaultBackoff: BackoffOptions = { baseMs: 500, capMs: 30_000 }

/** A random delay in [0, min(cap, base·2^attempt)). `random` is `Math.random` outside tests. */
export function backoffDelay(
  attempt: number,
  random: () => number,
  options: BackoffOptions = defaultBackoff
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30))
  return Math.floor(random() * ceiling)
}
