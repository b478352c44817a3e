/** The platform's clock and timers, for the sync engine and the realtime channel. */
import type { Timers } from '@shared/retry/backoff'

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
