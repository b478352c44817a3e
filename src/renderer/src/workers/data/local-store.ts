/**
 * The local store: sql.js in memory, made durable by a journal plus snapshots.
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
 */
import type { Database, SqlJsStatic } from 'sql.js'

import type { AppError } from '../../../../shared/contract/errors'
import type { CustomerMatch, LocalComplaint } from '../../../../shared/contract/worker'
import type { Customer } from '../../../../shared/domain/customer'
import type { Change, Mutation } from '../../../../shared/sync/protocol'

import {
  applyLocalMutation,
  getComplaint,
  hasComplaint,
  listComplaints,
  upsertServerComplaint
} from './complaint-rows'
import { getCustomer, matchCustomer, searchCustomers } from './customer-queries'
import { upsertCustomer } from './customer-rows'
import type { DurableFiles } from './durable-files'
import { Journal } from './journal'
import { migrate } from './migrations'
import {
  markApplied,
  markRejected,
  outboxCounts,
  pendingMutations,
  type OutboxCounts
} from './outbox'
import { asNumber, getMeta, inTransaction, queryOne, setMeta } from './sql'
import { WriteLock } from './write-lock'

const SNAPSHOT_GENERATION_KEY = 'snapshot_journal_generation'

export interface LocalStoreOptions {
  sql: SqlJsStatic
  files: DurableFiles
  /** Prefix of every file of this store, one store per user: `atiende-<userId>`. */
  name: string
  newId: () => string
  now: () => Date
}

/** What opening the store found on disk. */
export interface OpenReport {
  snapshotLoaded: boolean
  /** Journal entries applied on top of the snapshot. */
  restoredWrites: number
  /** Entries skipped because they were already in the snapshot (replay is idempotent). */
  skippedWrites: number
  /** Lines torn by a crash mid-append (never acknowledged, so safely ignored). */
  tornLines: number
  corruptLines: number
}

export interface NewComplaint {
  customerId: string | null
  callId: string | null
  category: LocalComplaint['category']
  description: string
}

/** The local store of one user. Build it with {@link LocalStore.open}. */
export class LocalStore {
  private readonly lock = new WriteLock()
  private writesSinceSnapshot = 0
  private dirty = false
  private closed = false

  private constructor(
    private readonly db: Database,
    private readonly options: LocalStoreOptions,
    private readonly journal: Journal,
    readonly clientId: string,
    readonly report: OpenReport
  ) {
    // Replayed entries live only in journals until the next snapshot: count them as writes.
    this.writesSinceSnapshot = report.restoredWrites
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
    const store = new LocalStore(db, options, journal, clientId, report)
    // The client id must be durable before the first push, or a retry after a crash would
    // reach the server under a new id and be applied twice.
    if (storedClientId === null) await store.snapshot()
    // A crash between a snapshot and its cleanup leaves covered journals behind.
    else await journal.removeBefore(covered)
    return store
  }

  /** Journals, applies and acknowledges a new complaint. */
  async createComplaint(input: NewComplaint): Promise<LocalComplaint> {
    const id = this.options.newId()
    const mutation: Mutation = {
      id: this.options.newId(),
      name: 'complaint.create',
      args: { id, ...input, createdAt: this.options.now().toISOString() }
    }
    return this.lock.run(async () => {
      this.assertOpen()
      await this.journal.append(mutation)
      inTransaction(this.db, () => {
        applyLocalMutation(this.db, mutation)
      })
      this.writesSinceSnapshot++
      this.dirty = true
      const complaint = getComplaint(this.db, id)
      if (complaint === null) throw new Error('complaint vanished after insert')
      return complaint
    })
  }

  /** Applies a page of pulled changes and the new cursor in one transaction. */
  applyPull(changes: readonly Change[], cursor: number): void {
    this.assertOpen()
    inTransaction(this.db, () => {
      for (const change of changes) {
        if (change.entity === 'customer') upsertCustomer(this.db, change.data)
        else upsertServerComplaint(this.db, change.data)
      }
      setMeta(this.db, 'pull_cursor', String(cursor))
    })
    if (changes.length > 0) this.dirty = true
  }

  /** Records the server's answers to a push. */
  applyPushResults(applied: readonly Mutation[], rejected: readonly RejectedMutation[]): void {
    this.assertOpen()
    inTransaction(this.db, () => {
      for (const m of applied) markApplied(this.db, m)
      for (const r of rejected) markRejected(this.db, r.mutation, r.reason)
    })
    this.dirty = true
  }

  get cursor(): number {
    return Number(getMeta(this.db, 'pull_cursor') ?? '0')
  }

  pendingMutations(limit: number): Mutation[] {
    return pendingMutations(this.db, limit)
  }

  outboxCounts(): OutboxCounts {
    return outboxCounts(this.db)
  }

  customerCount(): number {
    return asNumber(queryOne(this.db, 'SELECT COUNT(*) AS n FROM customers')?.['n'])
  }

  matchCustomer(args: Parameters<typeof matchCustomer>[1]): CustomerMatch {
    return matchCustomer(this.db, args)
  }

  getCustomer(id: string): Customer | null {
    return getCustomer(this.db, id)
  }

  searchCustomers(query: string, limit: number): Customer[] {
    return searchCustomers(this.db, query, limit)
  }

  listComplaints(customerId: string | null, limit: number): LocalComplaint[] {
    return listComplaints(this.db, customerId, limit)
  }

  /** Writes since the last snapshot, and whether pulled data is not yet in a snapshot. */
  get snapshotDue(): { writes: number; dirty: boolean } {
    return { writes: this.writesSinceSnapshot, dirty: this.dirty }
  }

  /** Rotates the journal, persists an atomic snapshot, then drops the journals it covers. */
  async snapshot(): Promise<void> {
    const { bytes, covered } = await this.lock.run(() => {
      this.assertOpen()
      const next = this.journal.rotate()
      setMeta(this.db, SNAPSHOT_GENERATION_KEY, String(next))
      this.writesSinceSnapshot = 0
      this.dirty = false
      return Promise.resolve({ bytes: this.db.export(), covered: next })
    })
    // Only once the snapshot is durable may the journals it covers go.
    await this.options.files.replace(snapshotFile(this.options.name), bytes)
    await this.journal.removeBefore(covered)
  }

  /** Waits for in-flight writes, then frees the database. Files stay for the next open. */
  async close(): Promise<void> {
    await this.lock.run(() => {
      this.closed = true
      return Promise.resolve()
    })
    this.db.close()
    await this.options.files.close()
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('local store is closed')
  }
}

export interface RejectedMutation {
  mutation: Mutation
  reason: AppError
}

export function snapshotFile(name: string): string {
  return `${name}-snapshot.sqlite`
}

interface ReplayResult {
  report: Omit<OpenReport, 'snapshotLoaded'>
  lastGeneration: number
}

/** Replays the generations a snapshot does not cover, oldest first, each mutation at most once. */
async function replayJournal(
  db: Database,
  journal: Journal,
  covered: number
): Promise<ReplayResult> {
  const report = { restoredWrites: 0, skippedWrites: 0, tornLines: 0, corruptLines: 0 }
  const generations = await journal.listGenerations()
  for (const generation of generations.filter((g) => g >= covered)) {
    const parsed = await journal.read(generation)
    report.tornLines += parsed.tornLines
    report.corruptLines += parsed.corruptLines
    inTransaction(db, () => {
      for (const mutation of parsed.mutations) {
        if (hasComplaint(db, mutation.args.id)) {
          report.skippedWrites++
        } else {
          applyLocalMutation(db, mutation)
          report.restoredWrites++
        }
      }
    })
  }
  return { report, lastGeneration: generations.at(-1) ?? 0 }
}
