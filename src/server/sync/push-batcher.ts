/**
 * The queue in front of group commit (see push-batch): pushes arriving while a batch runs wait
 * and are applied together in the next one; under a backlog a second batch runs alongside.
 */
import type { PushRequest, PushResponse } from '@shared/sync/protocol'
import type { AccessClaims } from '../auth/access-tokens'
import type { Db } from '../db/db'
import type { LoggedChange } from './change-log'
import type { PendingPush } from './push-batch'
import { pushFaultsFor, type PushFaultHooks } from './push-faults'
import { commitGroup, type WaitingPush } from './push-group'

export interface BatchLimits {
  /** Mutations in one transaction at most, so one batch never holds locks for long. */
  maxMutations: number
  /**
   * Batches running at once. Under a burst a second batch is applied while the first waits on
   * the database and the disk, so the server and PostgreSQL work at the same time instead of in
   * turns. Batches only meet at the change-log counter, taken last and held until commit, so
   * their sequence numbers still become visible in order.
   */
  maxInFlight: number
  /**
   * Mutations that must be waiting before another batch starts alongside a running one: below
   * that, pushes wait and are committed together (fewer, larger commits at a steady load).
   */
  pipelineBacklog: number
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = {
  maxMutations: 2000,
  maxInFlight: 2,
  pipelineBacklog: 500
}

export interface PushBatcherOptions {
  /**
   * Applies one push one mutation per transaction: the fallback for a batch that failed, and
   * the path of the rest of a push from a mutation that failed in a batch.
   */
  alone: (pending: PendingPush) => Promise<PushResponse>
  /** Told of each committed batch's changes (this instance's pull tail). */
  onCommitted?: (logged: readonly LoggedChange[]) => void
  limits?: BatchLimits
  /** Test-only fault injection; by default, what the database's push settings say. */
  hooks?: PushFaultHooks | undefined
}

/**
 * Queues pushes and applies them in group-committed batches: one at a time, or more when a
 * backlog builds up (see {@link BatchLimits}).
 *
 * @remarks Batches in flight together cannot apply one mutation twice: a `(clientId,
 * mutationId)` or a record id that two of them insert makes the later one wait for the earlier
 * one's commit and fail on the unique key, and the failed batch is run again (see push-group),
 * which then finds the first result.
 */
export class PushBatcher {
  private readonly queue: WaitingPush[] = []
  private queuedMutations = 0
  private running = 0
  private readonly limits: BatchLimits

  constructor(
    private readonly db: Db,
    private readonly options: PushBatcherOptions
  ) {
    this.limits = options.limits ?? DEFAULT_BATCH_LIMITS
  }

  push(claims: AccessClaims, request: PushRequest): Promise<PushResponse> {
    return new Promise((resolve, reject) => {
      this.queue.push({ claims, request, resolve, reject })
      this.queuedMutations += request.mutations.length
      this.drain()
    })
  }

  private drain(): void {
    while (this.queue.length > 0 && this.mayStartBatch()) {
      this.running++
      const batch = this.takeBatch()
      void this.run(batch).finally(() => {
        this.running--
        this.drain()
      })
    }
  }

  private mayStartBatch(): boolean {
    if (this.running === 0) return true
    return (
      this.running < this.limits.maxInFlight && this.queuedMutations >= this.limits.pipelineBacklog
    )
  }

  private takeBatch(): WaitingPush[] {
    let count = 0
    let n = 0
    while (n < this.queue.length) {
      const size = this.queue[n]?.request.mutations.length ?? 0
      if (n > 0 && count + size > this.limits.maxMutations) break
      count += size
      n++
    }
    this.queuedMutations -= count
    return this.queue.splice(0, n)
  }

  private run(batch: WaitingPush[]): Promise<void> {
    return commitGroup(this.db, batch, {
      alone: this.options.alone,
      onCommitted: this.options.onCommitted,
      hooks: this.options.hooks ?? pushFaultsFor(this.db).hooks
    })
  }
}
