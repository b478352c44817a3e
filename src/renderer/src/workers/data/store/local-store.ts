/**
 * The local store: sql.js in memory, made durable by a journal plus snapshots. Durability only:
 * what each write means lives with its capability (complaints/commands.ts and the like), which
 * writes through {@link LocalStore.write}.
 *
 * @remarks
 * - Write: append the mutation to the journal and wait until it is durable, then apply it to
 *   sql.js (row + outbox entry in one transaction), then acknowledge.
 * - Open: load the snapshot if there is one, migrate, replay every journal generation the
 *   snapshot does not cover, oldest first, skipping mutations already present (idempotent),
 *   then append to a fresh generation.
 * - Snapshot: under the write lock, rotate the journal and export the database, recording in its
 *   meta table the first generation it does not cover; then replace the snapshot file atomically
 *   and only then delete the older generations. Writes that race with it land in the new
 *   generation, which is kept, so nothing acknowledged is lost at any instant.
 * - Pulled cache data is applied without journaling (it can be pulled again); the cursor moves in
 *   the same transaction as the rows, and the next snapshot persists both.
 * - The initial load (`applyBulk`) is one transaction under the write lock, bulk-inserted without
 *   index maintenance (customers/bulk-load.ts), followed at once by a snapshot: a million
 *   customers are never journaled, and a reopen finds them in the snapshot.
 */
import type { Database } from 'sql.js'

import type { AppError } from '@shared/contract/errors'
import type { SyncProblem } from '@shared/contract/worker'
import type { CompensationStatus } from '@shared/domain/compensation-record'
import type { Change, Mutation } from '@shared/sync/protocol'

import { recordEditConflict, revertRefusedEdit } from '../complaints/edits'
import { ConfigurationCache } from '../configuration/cache'
import { CustomerWriter } from '../customers/rows'
import type { StreamLine } from '../sync/bulk-stream'
import {
  discardRejectedEntry,
  markApplied,
  markRejected,
  outboxCounts,
  type OutboxCounts
} from '../sync/outbox'
import {
  recordFailedAttempt,
  releaseStuck,
  stuckSummary,
  type StuckSummary
} from '../sync/outbox-attempts'
import { nextPushBatch } from '../sync/outbox-batch'
import type { ConflictedMutation, RejectedMutation } from '../sync/push-answers'
import { listSyncProblems } from '../sync/problems'
import { Journal } from './journal'
import { applyMutation, replayJournal } from './local-mutations'
import { migrate } from './migrations'
import { applyServerChange } from './server-changes'
import { INITIAL_LOAD_KEY, loadBulk, type BulkLoadReport } from './bulk-load'
import { asNumber, getMeta, inTransaction, queryOne, setMeta } from './sql'
import { snapshotFile, type LocalStoreOptions, type OpenReport } from './store-files'
import { SyncMark } from './sync-mark'
import { WriteLock } from './write-lock'

const SNAPSHOT_GENERATION_KEY = 'snapshot_journal_generation'

/** The local store of one user. Build it with {@link LocalStore.open}. */
export class LocalStore {
  private readonly lock = new WriteLock()
  private writesSinceSnapshot = 0
  private dirty = false
  private closed = false
  private closing = false
  private bulkLoading = false
  /** Decoded once, dropped when a pull brings configuration. */
  readonly configuration = new ConfigurationCache(() => this.db)

  private constructor(
    private database: Database,
    private readonly options: LocalStoreOptions,
    private readonly journal: Journal,
    readonly clientId: string,
    readonly report: OpenReport,
    private readonly syncMark: SyncMark
  ) {
    // Replayed entries live only in journals until the next snapshot: count them as writes.
    this.writesSinceSnapshot = report.restoredWrites + report.unreadableWrites
  }

  /** Loads the snapshot, replays the journal and starts a fresh journal generation. */
  static async open(options: LocalStoreOptions): Promise<LocalStore> {
    const journal = new Journal(options.files, `${options.name}-journal-`)
    const snapshotBytes = await options.files.read(snapshotFile(options.name))
    const snapshotLoaded = snapshotBytes.byteLength > 0
    const db = snapshotLoaded ? new options.sql.Database(snapshotBytes) : new options.sql.Database()
    migrate(db)
    const storedClientId = getMeta(db, 'client_id')
    const clientId = storedClientId ?? options.newId()
    if (storedClientId === null) setMeta(db, 'client_id', clientId)
    const covered = Number(getMeta(db, SNAPSHOT_GENERATION_KEY) ?? '1')
    const replay = await replayJournal(db, journal, covered)
    const report: OpenReport = { snapshotLoaded, ...replay.report }
    journal.startAt(Math.max(covered, replay.lastGeneration + 1))
    const cursor = Number(getMeta(db, 'pull_cursor') ?? '0')
    const syncMark = await SyncMark.load(options.files, options.name, db, cursor)
    const store = new LocalStore(db, options, journal, clientId, report, syncMark)
    // The client id must be durable before the first push, or a retry after a crash would
    // reach the server under a new id and be applied twice.
    if (storedClientId === null) await store.snapshot()
    // A crash between a snapshot and its cleanup leaves covered journals behind.
    else await journal.removeBefore(covered)
    return store
  }

  /** The database now; never kept across an `await`, since a snapshot may reopen it. */
  get db(): Database {
    return this.database
  }

  /** A fresh id for a mutation or the record it creates. */
  newId(): string {
    return this.options.newId()
  }

  now(): Date {
    return this.options.now()
  }

  /**
   * The one journaled write: durable in the journal first, then the rows and the outbox entry
   * in one transaction. Resolves once the write is acknowledged.
   */
  write(mutation: Mutation): Promise<void> {
    return this.lock.run(async () => {
      this.assertOpen()
      await this.journal.append(mutation)
      inTransaction(this.db, () => {
        applyMutation(this.db, mutation)
      })
      this.writesSinceSnapshot++
      this.dirty = true
    })
  }

  /** Resolves once every write queued before this call has been applied. */
  writesSettled(): Promise<void> {
    return this.lock.run(() => Promise.resolve())
  }

  /**
   * Changes rows outside the journal, under the write lock, in one transaction: what the server
   * rejected is discarded, a conflict choice recorded. When `change` answers something (true, a
   * name), the store snapshots at once: a replay of the journal would otherwise bring it back.
   */
  async rewrite<T extends boolean | string | null>(change: (db: Database) => T): Promise<T> {
    const changed = await this.lock.run(() => {
      this.assertOpen()
      return Promise.resolve(inTransaction(this.db, () => change(this.db)))
    })
    if (changed !== false && changed !== null) {
      this.dirty = true
      await this.snapshot()
    }
    return changed
  }

  /**
   * Cache data found outside a pull (an online lookup's customers): written like a pull, without
   * moving the cursor, and persisted by the next snapshot. Skipped during an initial load, which
   * holds the database in its transaction and brings the same rows.
   */
  cache(write: (db: Database) => void): void {
    this.assertOpen()
    if (this.bulkLoading) return
    inTransaction(this.db, () => {
      write(this.db)
    })
    this.dirty = true
  }

  /** A pulled change other than a customer; configuration is decoded again at the next read. */
  private applyPulledChange(change: Exclude<Change, { entity: 'customer' }>): void {
    if (applyServerChange(this.db, change) === 'configuration') this.configuration.invalidate()
  }

  /** The rejected and stuck writes, oldest first (see sync/problems.ts). */
  syncProblems(limit?: number): { problems: SyncProblem[]; total: number } {
    this.assertOpen()
    return listSyncProblems(this.db, limit)
  }

  /**
   * Discards one rejected write and the rejected record it created; answers its mutation name,
   * or null when it is not (or no longer) rejected. Snapshotted at once like a discarded
   * complaint: a replay of the journal would otherwise bring the write back.
   */
  discardRejected(mutationId: string): Promise<string | null> {
    return this.rewrite((db) => discardRejectedEntry(db, mutationId))
  }

  /** Applies a page of pulled changes and the new cursor in one transaction. */
  applyPull(changes: readonly Change[], cursor: number): void {
    this.assertOpen()
    inTransaction(this.db, () => {
      const customers = new CustomerWriter(this.db)
      try {
        for (const change of changes) {
          if (change.entity === 'customer') customers.write(change.data)
          else this.applyPulledChange(change)
        }
      } finally {
        customers.free()
      }
      setMeta(this.db, 'pull_cursor', String(cursor))
    })
    if (changes.length > 0) this.dirty = true
  }

  /**
   * The initial load: applies a bulk pull stream (batches of NDJSON lines) in one transaction
   * and snapshots the result. All or nothing: a stream cut before its trailer, an error or a
   * close rolls everything back, cursor included, and throws.
   */
  async applyBulk(batches: AsyncIterable<readonly StreamLine[]>): Promise<BulkLoadReport> {
    const report = await this.lock.run(async () => {
      this.assertOpen()
      this.bulkLoading = true
      try {
        return await loadBulk(this.db, batches, {
          applyChange: (change) => {
            this.applyPulledChange(change)
          },
          closing: () => this.closing
        })
      } finally {
        this.bulkLoading = false
      }
    })
    this.dirty = true
    // The rows are in no journal: until this snapshot a restart would load them again.
    if (report.customers + report.otherChanges > 0) await this.snapshot({ reload: true })
    return report
  }

  /** True until an initial load (bulk pull) has completed; a cache synced by pages counts. */
  get needsInitialLoad(): boolean {
    return this.cursor === 0 && getMeta(this.db, INITIAL_LOAD_KEY) === null
  }

  /** Records the server's answers to a push. */
  applyPushResults(
    applied: readonly Mutation[],
    rejected: readonly RejectedMutation[],
    compensations: ReadonlyMap<string, CompensationStatus> = new Map(),
    conflicted: readonly ConflictedMutation[] = []
  ): void {
    this.assertOpen()
    inTransaction(this.db, () => {
      for (const m of applied) markApplied(this.db, m, compensations.get(m.id))
      for (const r of rejected) {
        markRejected(this.db, r.mutation, r.reason)
        if (r.mutation.name === 'complaint.update') revertRefusedEdit(this.db, r.mutation)
      }
      for (const c of conflicted) recordEditConflict(this.db, c.mutation, c.conflicts)
    })
    this.dirty = true
  }

  get cursor(): number {
    return Number(getMeta(this.db, 'pull_cursor') ?? '0')
  }

  /** The last successful sync this cache still reflects, across restarts (see sync-mark.ts). */
  get lastSyncedAt(): string | null {
    return this.syncMark.lastSyncedAt
  }

  /** A sync pass succeeded at `at`: kept with the rows, and in a mark file at once. */
  async recordSynced(at: string): Promise<void> {
    const cursor = await this.lock.run(() => {
      this.assertOpen()
      this.syncMark.remember(this.db, at)
      return Promise.resolve(this.cursor)
    })
    await this.syncMark.persist(cursor, at)
  }

  /**
   * The next push: at most `limit` mutations and about `maxBytes` of JSON (always one at least).
   * Entries this build cannot read are rejected on the way, where the user sees them.
   */
  pendingMutations(limit: number, maxBytes = Number.POSITIVE_INFINITY): Mutation[] {
    this.assertOpen()
    const batch = inTransaction(this.db, () =>
      nextPushBatch(this.db, { count: limit, bytes: maxBytes })
    )
    if (batch.rejected > 0) this.dirty = true
    return batch.mutations
  }

  /** The server failed `mutation` alone (not an outage); true when that made it stuck. */
  recordFailedAttempt(mutation: Mutation, reason: AppError): boolean {
    this.assertOpen()
    const stuck = recordFailedAttempt(this.db, mutation.id, reason)
    this.dirty = true
    return stuck
  }

  stuckSummary(): StuckSummary {
    return stuckSummary(this.db)
  }

  /**
   * Stuck entries go back to pending with a fresh count (the user asked to sync again). One
   * statement, no transaction of its own: the user may ask while an initial load holds one.
   */
  releaseStuck(): number {
    this.assertOpen()
    const released = releaseStuck(this.db)
    if (released > 0) this.dirty = true
    return released
  }

  outboxCounts(): OutboxCounts {
    return outboxCounts(this.db)
  }

  /** Size of the in-memory database (pages × page size), the bulk of the worker's memory. */
  databaseBytes(): number {
    const pages = asNumber(queryOne(this.db, 'PRAGMA page_count')?.['page_count'])
    return pages * asNumber(queryOne(this.db, 'PRAGMA page_size')?.['page_size'])
  }

  /** Writes since the last snapshot, and whether pulled data is not yet in a snapshot. */
  get snapshotDue(): { writes: number; dirty: boolean } {
    return { writes: this.writesSinceSnapshot, dirty: this.dirty }
  }

  /**
   * Rotates the journal, persists an atomic snapshot, then drops the journals it covers.
   * `reload` reopens the database from the snapshot's bytes: after an initial load that leaves
   * the in-memory file without its growth slack and drops the load's temp table file.
   */
  async snapshot(options: { reload?: boolean } = {}): Promise<void> {
    const { bytes, covered } = await this.lock.run(() => {
      this.assertOpen()
      const next = this.journal.rotate()
      setMeta(this.db, SNAPSHOT_GENERATION_KEY, String(next))
      this.writesSinceSnapshot = 0
      this.dirty = false
      const exported = this.db.export()
      if (options.reload === true) {
        this.db.close()
        this.database = new this.options.sql.Database(exported)
      }
      return Promise.resolve({ bytes: exported, covered: next })
    })
    // Only once the snapshot is durable may the journals it covers go.
    await this.options.files.replace(snapshotFile(this.options.name), bytes)
    await this.journal.removeBefore(covered)
  }

  /** Waits for in-flight writes, then frees the database. Files stay for the next open. */
  async close(): Promise<void> {
    this.closing = true
    await this.lock.run(() => {
      this.closed = true
      return Promise.resolve()
    })
    this.db.close()
    await this.options.files.close()
  }

  /** Throws once the store is closed (reads and writes are refused from then on). */
  assertOpen(): void {
    if (this.closed) throw new Error('local store is closed')
  }
}
