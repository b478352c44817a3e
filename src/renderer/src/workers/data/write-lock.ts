/**
 * A FIFO async lock. Journal append + apply run under it, and so does the snapshot's
 * rotate + export, so a snapshot never misses an entry that landed in a journal it deletes.
 */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve()

  /** Runs `work` after every earlier holder has finished (successfully or not). */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work)
    this.tail = result.catch(() => undefined)
    return result
  }
}
