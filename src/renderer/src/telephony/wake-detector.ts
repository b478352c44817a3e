/**
 * Notices that the machine slept: a timer that should fire every few seconds fires late by much
 * more. After a sleep the SIP WebSocket is usually dead while it still looks open, and a phone
 * that waits for its next REGISTER refresh misses calls for minutes; the softphone checks its
 * line at once instead. Works the same in the browser and the desktop edition.
 */
export interface WakeDetectorOptions {
  intervalMs?: number
  /** How late a tick must be to count as a sleep, beyond the interval. */
  toleranceMs?: number
}

/** Calls `onWake` with the length of the gap after each sleep; returns the stop function. */
export function watchForWake(
  onWake: (sleptMs: number) => void,
  options: WakeDetectorOptions = {}
): () => void {
  const intervalMs = options.intervalMs ?? 5000
  const toleranceMs = options.toleranceMs ?? 10_000
  let last = Date.now()
  const handle = setInterval(() => {
    const current = Date.now()
    const gap = current - last
    last = current
    if (gap > intervalMs + toleranceMs) onWake(gap)
  }, intervalMs)
  return () => {
    clearInterval(handle)
  }
}
