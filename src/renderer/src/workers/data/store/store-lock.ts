/**
 * One owner per local store: OPFS sync handles cannot be opened twice, and two writers would
 * interleave journals. A Web Lock held for the session's lifetime makes a second tab fail fast.
 */

/** Releases the lock; calling it twice is harmless. */
export type ReleaseLock = () => void

/** Takes the lock `name` if nobody holds it; null when another tab or window has it. */
export function acquireStoreLock(name: string): Promise<ReleaseLock | null> {
  return new Promise((resolve, reject) => {
    navigator.locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (lock === null) {
          resolve(null)
          return undefined
        }
        // The lock is held until this promise settles, i.e. until the session releases it.
        return new Promise<void>((release) => {
          resolve(() => {
            release()
          })
        })
      })
      .catch(reject)
  })
}
