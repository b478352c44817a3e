import type { Clock } from './call-controller-options'

/** How long the ringing view may wait for the cache's answer: one frame at 60 Hz. */
export const RING_WAITS_FOR_CARD_MS = 16

/** `promise`'s value if it settles within `ms`, else undefined at `ms`. */
export function answeredWithin<T>(
  promise: Promise<T>,
  ms: number,
  clock: Clock
): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = clock.setTimeout(() => {
      resolve(undefined)
    }, ms)
    void promise.then((value) => {
      clock.clearTimeout(timer)
      resolve(value)
    })
  })
}
