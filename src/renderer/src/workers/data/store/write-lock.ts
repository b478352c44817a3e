/**
 * A FIFO async lock. Journal append + apply run under it, and so does the snapshot's
 * rotate + export, so a snapshot never misses an entry that landed in a journal it deletes.
 */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve()

  /** Runs `work` after every earlier holder has finished (successfully or not). */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work)
    // The tail must not hold the result: a snapshot's is the whole exported database, which
    // stayed in memory until the next write (558 MB at a million customers).
    this.tail = result.then(
      () => undefined,
      () => undefined
    )
    return result
  }
}
