/**
 * Runs `fn` once the next frame has been painted, so work that can wait a frame (a ringtone, a
 * notification) does not delay what the agent must see first (the caller's card).
 *
 * @remarks A hidden or minimised window gets no animation frames; there the fallback timer runs
 * `fn` at once-ish, which is also when a ringtone matters most.
 */
const FALLBACK_MS = 50

export function afterPaint(fn: () => void): void {
  let done = false
  const run = (): void => {
    if (done) return
    done = true
    fn()
  }
  if (typeof document === 'undefined' || document.visibilityState === 'hidden') {
    setTimeout(run, 0)
    return
  }
  const fallback = setTimeout(run, FALLBACK_MS)
  requestAnimationFrame(() => {
    // rAF callbacks run before the paint; the task after it runs once the frame is out.
    setTimeout(() => {
      clearTimeout(fallback)
      run()
    }, 0)
  })
}
