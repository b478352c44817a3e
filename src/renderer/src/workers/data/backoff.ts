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

const nativeHandles = new Map<number, ReturnType<typeof setTimeout>>()
let nextHandle = 1

/**
 * The platform's timers. Handles are our own numbers because the native ones differ between a
 * worker (number) and Node (an object), and clearing must work in both.
 */
export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => {
    const handle = nextHandle++
    const native = setTimeout(() => {
      nativeHandles.delete(handle)
      run()
    }, ms)
    nativeHandles.set(handle, native)
    return handle
  },
  clearTimeout: (handle) => {
    if (typeof handle !== 'number') return
    clearTimeout(nativeHandles.get(handle))
    nativeHandles.delete(handle)
  }
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
