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
 * - The initial load (`applyBulk`) is one transaction under the write lock, bulk-inserted without
 *   index maintenance (customer-bulk-load.ts), followed at once by a snapshot: a million
 *   customers are never journaled, and a reopen finds them in the snapshot.
 */
import type { Database, SqlJsStatic } from 'sql.js'

import type { AppError } from '@shared/contract/errors'
import type {
  CompensationInput,
  ConfigurationSnapshot,
  CustomerMatch,
  LocalAgentState,
  LocalCallback,
  LocalCompensation,
  LocalComplaint,
  LocalDisposition,
  LocalInteraction,
  NewCustomerInput,
  SyncProblem,
  TimelineEntry
} from '@shared/contract/worker'
import { decideGrant } from '@shared/domain/compensation'
import type { CompensationDecision, CompensationStatus } from '@shared/domain/compensation-record'
import type { AgentStateInput } from '@shared/domain/agent-state'
import type { CallbackScheduleInput } from '@shared/domain/callback'
import type { DispositionInput } from '@shared/domain/disposition'
import {
  editsBetween,
  type EditableComplaintField,
  type EditableValues,
  type FieldConflict
} from '@shared/domain/complaint-edit'
import type { ComplaintFilter } from '@shared/domain/complaint-filter'
import type { LifecycleAction } from '@shared/domain/complaint-lifecycle'
import { complaintDetailsSchema, type ComplaintDetailsInput } from '@shared/domain/complaint'
import type { Customer } from '@shared/domain/customer'
import { customerFromCreateArgs } from '@shared/domain/customer-create'
import type { InteractionRecordArgs } from '@shared/domain/interaction'
import type { ScriptRunRecordInput } from '@shared/domain/script-run'
import type { Role } from '@shared/domain/user'
import type { Change, Mutation, MutationOf } from '@shared/sync/protocol'

import { currentAgentState, getAgentState, latestAgentStates } from '../agent-state/rows'
import { getCallback, myOpenCallbacks } from '../callbacks/rows'
import { getCompensation, grantedTodayHere, listCompensations } from '../compensation/rows'
import { complaintTimeline } from '../complaints/events'
import { conflictsByComplaint, removeConflictField } from '../complaints/conflicts'
import { discardRefusedEdits, recordEditConflict, revertRefusedEdit } from '../complaints/edits'
import { getComplaint, listComplaints } from '../complaints/rows'
import { discardRefusedTransitions } from '../complaints/transitions'
import { readConfiguration } from '../configuration/rows'
import {
  getCustomer,
  matchCustomer,
  sampleCustomers,
  type LocalMatchArgs
} from '../customers/queries'
import { parseBulkLine, type StreamLine } from '../sync/bulk-stream'
import { CustomerBulkLoad } from '../customers/bulk-load'
import { CustomerWriter, upsertCustomers } from '../customers/rows'
import { searchCustomers } from '../customers/search'
import { dispositionForCall, getDisposition, interactionIdOfCall } from '../dispositions/rows'
import type { DurableFiles } from './durable-files'
import { Journal } from './journal'
import { getInteraction, listInteractions } from '../interactions/rows'
import { applyMutation, replayJournal } from './local-mutations'
import { migrate } from './migrations'
import {
  discardRejectedComplaint,
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
import { applyServerChange } from './server-changes'
import { listSyncProblems } from '../sync/problems'
import { asNumber, getMeta, inTransaction, queryOne, setMeta } from './sql'
import { SyncMark } from './sync-mark'
import { workerError } from '../runtime/worker-error'
import { WriteLock } from './write-lock'

/** Caps are per UTC day, as on the server (which has no centre time zone yet). */
function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

const SNAPSHOT_GENERATION_KEY = 'snapshot_journal_generation'
const INITIAL_LOAD_KEY = 'initial_load'

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
  /** Entries this build cannot read, queued as rejected so the user sees them. */
  unreadableWrites: number
  /** Lines torn by a crash mid-append (never acknowledged, so safely ignored). */
  tornLines: number
  corruptLines: number
}

/** The form's details are optional here: the omitted ones take their defaults. */
export interface NewComplaint extends ComplaintDetailsInput {
  customerId: string | null
  callId: string | null
  category: LocalComplaint['category']
  description: string
}

/** What an initial load brought. */
export interface BulkLoadReport {
  customers: number
  /** Complaints and interactions. */
  otherChanges: number
  /** Lines that were not a valid change (skipped, like a record a page could not parse). */
  invalidLines: number
  cursor: number
  entities: Set<Change['entity']>
}

/** The local store of one user. Build it with {@link LocalStore.open}. */
export class LocalStore {
  private readonly lock = new WriteLock()
  private writesSinceSnapshot = 0
  private dirty = false
  /**
   * The configuration decoded once: every panel asks for it after each agent-state change, and
   * decoding every row (scripts included) each time kept the worker busy when the next call rang.
   */
  private configurationRead: ConfigurationSnapshot | null = null
  private closed = false
  private closing = false
  private bulkLoading = false

  private constructor(
    private db: Database,
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

  /** Journals a lifecycle step on a complaint this client has (the server validates it). */
  async transitionComplaint(input: {
    complaintId: string
    action: LifecycleAction
    note: string | null
  }): Promise<LocalComplaint> {
    if (getComplaint(this.db, input.complaintId) === null) {
      throw new Error('The complaint is not in the local store')
    }
    await this.journaled({
      id: this.options.newId(),
      name: 'complaint.transition',
      args: {
        id: this.options.newId(),
        complaintId: input.complaintId,
        action: input.action,
        note: input.note,
        at: this.options.now().toISOString()
      }
    })
    const complaint = getComplaint(this.db, input.complaintId)
    if (complaint === null) throw new Error('complaint vanished after a transition')
    return complaint
  }

  /** Journals an escalation of a complaint to the team lead (the server validates it). */
  async escalateComplaint(input: { complaintId: string; reason: string }): Promise<LocalComplaint> {
    return this.ownershipStep(input.complaintId, (at) => ({
      id: this.options.newId(),
      name: 'complaint.escalate',
      args: { id: this.options.newId(), ...input, at }
    }))
  }

  /** Journals an assignment (or an agent taking a case) for the server to validate. */
  async assignComplaint(input: {
    complaintId: string
    assigneeId: string
  }): Promise<LocalComplaint> {
    return this.ownershipStep(input.complaintId, (at) => ({
      id: this.options.newId(),
      name: 'complaint.assign',
      args: { id: this.options.newId(), ...input, at }
    }))
  }

  private async ownershipStep(
    complaintId: string,
    mutationAt: (at: string) => Mutation
  ): Promise<LocalComplaint> {
    const current = getComplaint(this.db, complaintId)
    if (current === null) throw new Error('The complaint is not in the local store')
    // Someone else's step needs the server's row (team, owner) to be judged.
    if (current.syncState !== 'synced') {
      throw workerError('conflict', 'The complaint is not on the server yet')
    }
    await this.journaled(mutationAt(this.options.now().toISOString()))
    const complaint = getComplaint(this.db, complaintId)
    if (complaint === null) throw new Error('complaint vanished after an ownership step')
    return complaint
  }

  /**
   * Journals a compensation on a complaint: granted at once when the pulled limits allow it for
   * this user's role, the customer's cached tier and what this client saw granted today; else
   * a request for the team's lead. Unknown limits or tier make it a request. The server decides
   * again on its own data and its answer replaces this one.
   */
  async grantCompensation(
    input: CompensationInput,
    actor: { userId: string; role: Role }
  ): Promise<LocalCompensation> {
    const complaint = getComplaint(this.db, input.complaintId)
    if (complaint === null) throw new Error('The complaint is not in the local store')
    if (complaint.customerId === null) {
      throw workerError('invalid_argument', 'A compensation needs a complaint with a customer')
    }
    const limits = this.configuration().compensationLimits
    const tier = this.getCustomer(complaint.customerId)?.tier
    const now = this.options.now()
    let expected: 'granted' | 'pending' = 'pending'
    if (limits !== null && tier !== undefined) {
      const today = grantedTodayHere(this.db, {
        userId: actor.userId,
        customerId: complaint.customerId,
        currency: limits.currency,
        since: startOfUtcDay(now).toISOString()
      })
      expected = decideGrant(
        limits,
        {
          role: actor.role,
          tier,
          grantedTodayByAgent: today.byAgent,
          grantedTodayToCustomer: today.toCustomer
        },
        input
      ).status
    }
    const id = this.options.newId()
    await this.journaled({
      id: this.options.newId(),
      name: 'compensation.grant',
      args: { id, ...input, expected, at: now.toISOString() }
    })
    const compensation = getCompensation(this.db, id)
    if (compensation === null) throw new Error('compensation vanished after insert')
    return compensation
  }

  /** Journals a lead's decision on a pending request (the server checks who and whether). */
  async decideCompensation(input: {
    compensationId: string
    decision: CompensationDecision
    reason: string
  }): Promise<LocalCompensation> {
    const current = getCompensation(this.db, input.compensationId)
    if (current === null) throw new Error('The compensation is not in the local store')
    if (current.status !== 'pending') {
      throw workerError('conflict', `This request was already decided: ${current.status}`)
    }
    await this.journaled({
      id: this.options.newId(),
      name: 'compensation.decide',
      args: { id: this.options.newId(), ...input, at: this.options.now().toISOString() }
    })
    const decided = getCompensation(this.db, input.compensationId)
    if (decided === null) throw new Error('compensation vanished after a decision')
    return decided
  }

  /**
   * Journals an edit of a complaint: `before` is what the editor showed when it opened (each
   * changed field's base), `after` what the user saved. Only the fields that differ are sent.
   */
  async updateComplaint(input: {
    complaintId: string
    before: EditableValues
    after: EditableValues
  }): Promise<LocalComplaint> {
    if (getComplaint(this.db, input.complaintId) === null) {
      throw new Error('The complaint is not in the local store')
    }
    const edits = editsBetween(input.before, input.after)
    if (edits.length > 0) {
      await this.journaled({
        id: this.options.newId(),
        name: 'complaint.update',
        args: {
          id: this.options.newId(),
          complaintId: input.complaintId,
          edits,
          at: this.options.now().toISOString()
        }
      })
    }
    const complaint = getComplaint(this.db, input.complaintId)
    if (complaint === null) throw new Error('complaint vanished after an edit')
    return complaint
  }

  /**
   * The user's choice on a conflicting field: `theirs` keeps the server's value; `mine` journals
   * a new edit of that field based on the server's value, so it applies unless someone changes
   * it again. The snapshot makes the choice durable (the conflict itself is not journaled).
   */
  async resolveEditConflict(input: {
    complaintId: string
    field: EditableComplaintField
    choice: 'theirs' | 'mine'
  }): Promise<LocalComplaint> {
    this.assertOpen()
    const conflict = conflictsByComplaint(this.db, [input.complaintId])
      .get(input.complaintId)
      ?.find((c) => c.field === input.field)
    if (conflict === undefined) throw workerError('not_found', 'No such conflict on this complaint')
    if (input.choice === 'mine') {
      // Based on the server's value the user decided over, not on what this row shows now.
      await this.journaled({
        id: this.options.newId(),
        name: 'complaint.update',
        args: {
          id: this.options.newId(),
          complaintId: input.complaintId,
          edits: [{ field: conflict.field, base: conflict.theirs, value: conflict.yours }],
          at: this.options.now().toISOString()
        }
      })
    }
    await this.lock.run(() => {
      this.assertOpen()
      inTransaction(this.db, () => removeConflictField(this.db, input.complaintId, input.field))
      this.dirty = true
      return Promise.resolve()
    })
    await this.snapshot()
    const complaint = getComplaint(this.db, input.complaintId)
    if (complaint === null) throw new Error('complaint vanished after a conflict choice')
    return complaint
  }

  /** Journals a note in a complaint's timeline. */
  async addComplaintNote(input: { complaintId: string; note: string }): Promise<TimelineEntry[]> {
    if (getComplaint(this.db, input.complaintId) === null) {
      throw new Error('The complaint is not in the local store')
    }
    await this.journaled({
      id: this.options.newId(),
      name: 'complaint.note',
      args: { id: this.options.newId(), ...input, at: this.options.now().toISOString() }
    })
    return complaintTimeline(this.db, input.complaintId)
  }

  listCompensations(query: {
    complaintId: string | null
    status: CompensationStatus | null
    limit: number
  }): LocalCompensation[] {
    return listCompensations(this.db, query)
  }

  complaintTimeline(complaintId: string): TimelineEntry[] {
    return complaintTimeline(this.db, complaintId)
  }

  /** Journals, applies and acknowledges a new complaint. */
  async createComplaint(input: NewComplaint): Promise<LocalComplaint> {
    const id = this.options.newId()
    await this.journaled({
      id: this.options.newId(),
      name: 'complaint.create',
      args: {
        id,
        customerId: input.customerId,
        callId: input.callId,
        category: input.category,
        description: input.description,
        ...complaintDetailsSchema.parse(input),
        createdAt: this.options.now().toISOString()
      }
    })
    const complaint = getComplaint(this.db, id)
    if (complaint === null) throw new Error('complaint vanished after insert')
    return complaint
  }

  /** Journals, applies and acknowledges a quick-created contact (`customer.create`). */
  async createCustomer(input: NewCustomerInput): Promise<Customer> {
    const args = { id: this.options.newId(), ...input, createdAt: this.options.now().toISOString() }
    await this.journaled({ id: this.options.newId(), name: 'customer.create', args })
    return getCustomer(this.db, args.id) ?? customerFromCreateArgs(args)
  }

  /** Journals, applies and acknowledges a finished call (`interaction.record`). */
  async recordInteraction(input: Omit<InteractionRecordArgs, 'id'>): Promise<LocalInteraction> {
    const args = { id: this.options.newId(), ...input }
    await this.journaled({ id: this.options.newId(), name: 'interaction.record', args })
    const interaction = getInteraction(this.db, args.id)
    if (interaction === null) throw new Error('interaction vanished after insert')
    return interaction
  }

  /** Journals a finished script run for the server; returns the run's record id. */
  async recordScriptRun(input: ScriptRunRecordInput): Promise<string> {
    const args = { id: this.options.newId(), ...input }
    await this.journaled({ id: this.options.newId(), name: 'script_run.record', args })
    return args.id
  }

  /** Journals, applies and acknowledges a change of this agent's state. */
  async recordAgentState(input: AgentStateInput): Promise<LocalAgentState> {
    const args = { id: this.options.newId(), ...input }
    await this.journaled({ id: this.options.newId(), name: 'agent_state.record', args })
    const state = getAgentState(this.db, args.id)
    if (state === null) throw new Error('agent state vanished after insert')
    return state
  }

  /**
   * Journals a call's disposition. A production call links its interaction record, written
   * when the call ended; a second disposition for the same call is refused here already.
   */
  async recordDisposition(input: DispositionInput, userId: string): Promise<LocalDisposition> {
    // The call's record may still be on its way to the journal (the call just ended): writes
    // queued before this one finish first.
    await this.lock.run(() => Promise.resolve())
    if (dispositionForCall(this.db, input.callId, userId)) {
      throw workerError('conflict', 'This call already has a disposition')
    }
    const interactionId = input.practice ? null : interactionIdOfCall(this.db, input.callId)
    if (!input.practice && interactionId === null) {
      throw workerError('not_found', 'The record of this call is missing')
    }
    const args = {
      id: this.options.newId(),
      ...input,
      interactionId,
      recordedAt: this.options.now().toISOString()
    }
    await this.journaled({ id: this.options.newId(), name: 'disposition.record', args })
    const disposition = getDisposition(this.db, args.id)
    if (disposition === null) throw new Error('disposition vanished after insert')
    return disposition
  }

  dispositionForCall(callId: string, userId: string): LocalDisposition | null {
    return dispositionForCall(this.db, callId, userId)
  }

  /** Journals a callback, assigned to `userId` unless the input names someone else. */
  async scheduleCallback(input: CallbackScheduleInput, userId: string): Promise<LocalCallback> {
    const args = {
      ...input,
      id: this.options.newId(),
      assigneeId: input.assigneeId ?? userId,
      createdAt: this.options.now().toISOString()
    }
    await this.journaled({ id: this.options.newId(), name: 'callback.schedule', args })
    const callback = getCallback(this.db, args.id)
    if (callback === null) throw new Error('callback vanished after insert')
    return callback
  }

  /** Journals that a callback was made; it shows as done at once. */
  async completeCallback(id: string): Promise<LocalCallback> {
    if (getCallback(this.db, id) === null) throw workerError('not_found', 'Unknown callback')
    const args = { id, completedAt: this.options.now().toISOString() }
    await this.journaled({ id: this.options.newId(), name: 'callback.complete', args })
    const callback = getCallback(this.db, id)
    if (callback === null) throw new Error('callback vanished after completion')
    return callback
  }

  myOpenCallbacks(userId: string, limit: number): LocalCallback[] {
    return myOpenCallbacks(this.db, userId, limit)
  }

  currentAgentState(userId: string): LocalAgentState | null {
    return currentAgentState(this.db, userId)
  }

  latestAgentStates(userId: string): LocalAgentState[] {
    return latestAgentStates(this.db, userId)
  }

  /** A pulled change other than a customer; configuration is decoded again at the next read. */
  private applyPulledChange(change: Exclude<Change, { entity: 'customer' }>): void {
    if (applyServerChange(this.db, change) === 'configuration') this.configurationRead = null
  }

  configuration(): ConfigurationSnapshot {
    this.configurationRead ??= readConfiguration(this.db)
    return this.configurationRead
  }

  listInteractions(customerId: string | null, limit: number): LocalInteraction[] {
    return listInteractions(this.db, customerId, limit)
  }

  /** Durable in the journal first, then the row and its outbox entry in one transaction. */
  private journaled(mutation: Mutation): Promise<void> {
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

  /** Customers the online lookup found: cache data like a pull, without moving the cursor. */
  cacheCustomers(customers: readonly Customer[]): void {
    this.assertOpen()
    // The initial load holds the database in its transaction and brings these customers too.
    if (customers.length === 0 || this.bulkLoading) return
    inTransaction(this.db, () => {
      upsertCustomers(this.db, customers)
    })
    this.dirty = true
  }

  /**
   * Discards what the server rejected about a complaint: the complaint itself, or else its
   * refused lifecycle steps. The snapshot right after makes the removal durable: without it a
   * replay of the journal would bring them back as pending.
   */
  async discardRejectedComplaint(complaintId: string): Promise<boolean> {
    const discarded = await this.lock.run(() => {
      this.assertOpen()
      return Promise.resolve(
        inTransaction(
          this.db,
          () =>
            discardRejectedComplaint(this.db, complaintId) ||
            discardRefusedTransitions(this.db, complaintId) ||
            discardRefusedEdits(this.db, complaintId)
        )
      )
    })
    if (discarded) await this.snapshot()
    return discarded
  }

  /** The rejected and stuck writes, oldest first (see sync-problems.ts). */
  syncProblems(limit?: number): { problems: SyncProblem[]; total: number } {
    this.assertOpen()
    return listSyncProblems(this.db, limit)
  }

  /**
   * Discards one rejected write and the rejected record it created; answers its mutation name,
   * or null when it is not (or no longer) rejected. Snapshotted at once like a discarded
   * complaint: a replay of the journal would otherwise bring the write back.
   */
  async discardRejected(mutationId: string): Promise<string | null> {
    const name = await this.lock.run(() => {
      this.assertOpen()
      return Promise.resolve(
        inTransaction(this.db, () => discardRejectedEntry(this.db, mutationId))
      )
    })
    if (name !== null) await this.snapshot()
    return name
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
      this.db.run('BEGIN IMMEDIATE')
      let loader: CustomerBulkLoad | null = null
      try {
        loader = new CustomerBulkLoad(this.db)
        const loaded = await this.readBulk(batches, loader)
        loader.finish()
        setMeta(this.db, 'pull_cursor', String(loaded.cursor))
        setMeta(this.db, INITIAL_LOAD_KEY, 'done')
        this.db.run('COMMIT')
        return loaded
      } catch (error) {
        loader?.free()
        this.db.run('ROLLBACK')
        throw error
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

  private async readBulk(
    batches: AsyncIterable<readonly StreamLine[]>,
    loader: CustomerBulkLoad
  ): Promise<BulkLoadReport> {
    const report: BulkLoadReport = {
      customers: 0,
      otherChanges: 0,
      invalidLines: 0,
      cursor: -1,
      entities: new Set()
    }
    for await (const lines of batches) {
      if (this.closing) throw new Error('local store is closing')
      let customers: Customer[] = []
      for (const line of lines) {
        if (line.length === 0) continue
        if (report.cursor >= 0) throw new Error('bulk pull: data after the trailer')
        if (typeof line !== 'string') {
          // Customers in stream order: the change lines read so far go in first.
          loader.write(customers)
          customers = []
          const before = loader.count
          report.invalidLines += loader.writeBlock(line)
          report.customers += loader.count - before
          report.entities.add('customer')
          continue
        }
        const parsed = parseBulkLine(line)
        if (parsed.kind === 'customer') {
          customers.push(parsed.customer)
          report.customers++
          report.entities.add('customer')
        } else if (parsed.kind === 'change') {
          const change = parsed.change
          this.applyPulledChange(change)
          report.otherChanges++
          report.entities.add(change.entity)
        } else if (parsed.kind === 'trailer') {
          report.cursor = parsed.cursor
        } else {
          report.invalidLines++
        }
      }
      loader.write(customers)
    }
    if (report.cursor < 0) throw new Error('bulk pull: the stream ended without its trailer')
    return report
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

  customerCount(): number {
    return asNumber(queryOne(this.db, 'SELECT COUNT(*) AS n FROM customers')?.['n'])
  }

  matchCustomer(args: LocalMatchArgs): CustomerMatch {
    return matchCustomer(this.db, args)
  }

  /** Random cached customers, for diagnostics and benchmarks (a full scan: never on ring). */
  sampleCustomers(count: number): Customer[] {
    return sampleCustomers(this.db, count)
  }

  /** Size of the in-memory database (pages × page size), the bulk of the worker's memory. */
  databaseBytes(): number {
    const pages = asNumber(queryOne(this.db, 'PRAGMA page_count')?.['page_count'])
    return pages * asNumber(queryOne(this.db, 'PRAGMA page_size')?.['page_size'])
  }

  getCustomer(id: string): Customer | null {
    return getCustomer(this.db, id)
  }

  searchCustomers(query: string, limit: number, defaultCountry?: string): Customer[] {
    return searchCustomers(this.db, query, limit, defaultCountry)
  }

  listComplaints(
    customerId: string | null,
    limit: number,
    filter?: ComplaintFilter
  ): LocalComplaint[] {
    return listComplaints(this.db, customerId, limit, filter, this.options.now())
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
        this.db = new this.options.sql.Database(exported)
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

  private assertOpen(): void {
    if (this.closed) throw new Error('local store is closed')
  }
}

export interface RejectedMutation {
  mutation: Mutation
  reason: AppError
}

/** An edit the server merged only in part: these fields kept someone else's value. */
export interface ConflictedMutation {
  mutation: MutationOf<'complaint.update'>
  conflicts: FieldConflict[]
}

export function snapshotFile(name: string): string {
  return `${name}-snapshot.sqlite`
}
