/**
 * One open user session in the worker: the local store, its sync engine and the snapshot
 * schedule (every N writes, or when the store has been idle for a while).
 */
import type { SqlJsStatic } from 'sql.js'

import type {
  CustomerMatch,
  LocalAgentState,
  LocalCallback,
  LocalCompensation,
  LocalComplaint,
  LocalDisposition,
  LocalInteraction,
  SessionTokens,
  SyncEntity,
  TimelineEntry,
  WorkerArgs
} from '@shared/contract/worker'
import type { Role } from '@shared/domain/user'
import type { Customer } from '@shared/domain/customer'
import type { ScriptAnalyticsReport } from '@shared/scripts/run-analytics'
import type { ComplaintAnalysisReport } from '@shared/domain/complaint-analysis'

import { matchCaller } from '../customers/match'
import { createOnlineLookup } from '../customers/online-lookup'
import type { DurableFiles } from '../store/durable-files'
import { LocalStore } from '../store/local-store'
import { fetchComplaintAnalysis } from '../analytics/complaint-analysis'
import type { AnalyticsFetchOptions } from '../analytics/authorized-get'
import { fetchScriptAnalytics } from '../analytics/script-analytics'
import { createLogger } from '../runtime/logger'
import { SyncEngine, type EmitEvent, type SyncRuntime } from '../sync/engine'
import { entitiesShowing } from '../sync/problems'

const log = createLogger('session')

export interface SessionOptions extends SyncRuntime {
  sql: SqlJsStatic
  files: DurableFiles
  storeName: string
  /** The signed-in user, whose own agent states the store reads back. */
  userId: string
  /** The user's role: a compensation is decided here by it before the server decides again. */
  role: Role
  serverUrl: string
  tokens: SessionTokens
  newId: () => string
  now: () => Date
  /** Snapshot after this many journaled writes (default 500). */
  snapshotEveryWrites?: number
  /** Snapshot after this long without writes or pulled changes (default 10 s). */
  snapshotIdleMs?: number
}

export class Session {
  private idleTimer: unknown = null
  private snapshotting: Promise<void> | null = null
  /** The engine rotates tokens; the online lookup needs the current access token. */
  private tokens: SessionTokens

  private constructor(
    readonly store: LocalStore,
    readonly engine: SyncEngine,
    private readonly options: SessionOptions
  ) {
    this.tokens = options.tokens
  }

  static async open(options: SessionOptions): Promise<Session> {
    const store = await LocalStore.open({
      sql: options.sql,
      files: options.files,
      name: options.storeName,
      newId: options.newId,
      now: options.now
    })
    let session: Session | null = null
    const emit: EmitEvent = (name, payload) => {
      options.emit(name, payload)
      if (name === 'auth:tokens-changed') session?.tokensChanged(payload as SessionTokens)
      // Pulled data lives only in memory until a snapshot persists it.
      if (name === 'data:changed') session?.scheduleSnapshot()
    }
    const engine = new SyncEngine({ ...options, store, emit })
    session = new Session(store, engine, options)
    engine.start()
    session.scheduleSnapshot()
    return session
  }

  /** Journals the complaint (durable before this resolves), then lets sync push it. */
  async createComplaint(args: WorkerArgs<'complaint:create'>): Promise<LocalComplaint> {
    const complaint = await this.store.createComplaint(args)
    this.options.emit('data:changed', { entities: ['complaint'] })
    this.engine.emitStatus()
    this.engine.afterLocalWrite()
    this.scheduleSnapshot()
    return complaint
  }

  /** Journals a lifecycle step on a complaint, then lets sync push it. */
  async transitionComplaint(args: WorkerArgs<'complaint:transition'>): Promise<LocalComplaint> {
    const complaint = await this.store.transitionComplaint(args)
    this.options.emit('data:changed', { entities: ['complaint'] })
    this.engine.emitStatus()
    this.engine.afterLocalWrite()
    this.scheduleSnapshot()
    return complaint
  }

  /** Journals an escalation to the team lead, then pushes it. */
  async escalateComplaint(args: WorkerArgs<'complaint:escalate'>): Promise<LocalComplaint> {
    const complaint = await this.store.escalateComplaint(args)
    this.written(['complaint', 'complaint_event'])
    return complaint
  }

  /** Journals an edit of a complaint's fields, then pushes it. */
  async updateComplaint(args: WorkerArgs<'complaint:update'>): Promise<LocalComplaint> {
    const complaint = await this.store.updateComplaint(args)
    this.written(['complaint', 'complaint_event'])
    return complaint
  }

  /** Journals an assignment, then pushes it. */
  async assignComplaint(args: WorkerArgs<'complaint:assign'>): Promise<LocalComplaint> {
    const complaint = await this.store.assignComplaint(args)
    this.written(['complaint', 'complaint_event'])
    return complaint
  }

  /** Records the user's choice on an edit conflict ("mine" is a new edit, pushed at once). */
  async resolveEditConflict(
    args: WorkerArgs<'complaint:resolveConflict'>
  ): Promise<LocalComplaint> {
    const complaint = await this.store.resolveEditConflict(args)
    this.written(['complaint', 'complaint_event'])
    return complaint
  }

  /** The complaint analysis, straight from the server. */
  complaintAnalysis(args: WorkerArgs<'complaint:analysis'>): Promise<ComplaintAnalysisReport> {
    return fetchComplaintAnalysis(this.analyticsFetchOptions(), args)
  }

  /** Journals a compensation (granted here or requested from the lead), then pushes it. */
  async grantCompensation(args: WorkerArgs<'compensation:grant'>): Promise<LocalCompensation> {
    const compensation = await this.store.grantCompensation(args, {
      userId: this.options.userId,
      role: this.options.role
    })
    this.written(['compensation', 'complaint_event'])
    return compensation
  }

  /** Journals a note in a complaint's timeline, then pushes it. */
  async addComplaintNote(args: WorkerArgs<'complaint:note'>): Promise<TimelineEntry[]> {
    const entries = await this.store.addComplaintNote(args)
    this.written(['complaint_event'])
    return entries
  }

  /** Journals a lead's decision on a request, then pushes it. */
  async decideCompensation(args: WorkerArgs<'compensation:decide'>): Promise<LocalCompensation> {
    const compensation = await this.store.decideCompensation(args)
    this.written(['compensation', 'complaint_event'])
    return compensation
  }

  /** Journals a finished call, then lets sync push it. */
  async recordInteraction(args: WorkerArgs<'interaction:record'>): Promise<LocalInteraction> {
    const interaction = await this.store.recordInteraction(args)
    this.options.emit('data:changed', { entities: ['interaction'] })
    this.engine.emitStatus()
    this.engine.afterLocalWrite()
    this.scheduleSnapshot()
    return interaction
  }

  /** Journals a finished script run, then lets sync push it. */
  async recordScriptRun(args: WorkerArgs<'scriptRun:record'>): Promise<string> {
    const id = await this.store.recordScriptRun(args)
    this.engine.emitStatus()
    this.engine.afterLocalWrite()
    this.scheduleSnapshot()
    return id
  }

  /** A script version's analytics, straight from the server. */
  scriptAnalytics(args: WorkerArgs<'script:analytics'>): Promise<ScriptAnalyticsReport> {
    return fetchScriptAnalytics(this.analyticsFetchOptions(), args)
  }

  private analyticsFetchOptions(): AnalyticsFetchOptions {
    return {
      fetch: this.options.fetch,
      serverUrl: this.options.serverUrl,
      accessToken: () => this.tokens.accessToken,
      refreshTokens: () => this.engine.syncNow()
    }
  }

  get userId(): string {
    return this.options.userId
  }

  /** Journals a change of the agent's state, then lets sync push it. */
  async recordAgentState(args: WorkerArgs<'agentState:record'>): Promise<LocalAgentState> {
    const state = await this.store.recordAgentState(args)
    this.options.emit('data:changed', { entities: ['agent_state'] })
    this.engine.emitStatus()
    this.engine.afterLocalWrite()
    this.scheduleSnapshot()
    return state
  }

  /** Journals the wrap-up code of a call, then lets sync push it. */
  async recordDisposition(args: WorkerArgs<'disposition:record'>): Promise<LocalDisposition> {
    const disposition = await this.store.recordDisposition(args, this.userId)
    this.written(['disposition'])
    return disposition
  }

  /** Journals a callback, then lets sync push it. */
  async scheduleCallback(args: WorkerArgs<'callback:schedule'>): Promise<LocalCallback> {
    const callback = await this.store.scheduleCallback(args, this.userId)
    this.written(['callback'])
    return callback
  }

  /** Journals that a callback was made, then lets sync push it. */
  async completeCallback(id: string): Promise<LocalCallback> {
    const callback = await this.store.completeCallback(id)
    this.written(['callback'])
    return callback
  }

  /** After a journaled write: views re-query, the status counts it, sync pushes it. */
  private written(entities: SyncEntity[]): void {
    this.options.emit('data:changed', { entities })
    this.engine.emitStatus()
    this.engine.afterLocalWrite()
    this.scheduleSnapshot()
  }

  /** Drops a complaint the server rejected, once the agent has read why. */
  async discardComplaint(id: string): Promise<boolean> {
    const discarded = await this.store.discardRejectedComplaint(id)
    if (discarded) {
      this.options.emit('data:changed', { entities: ['complaint'] })
      this.engine.emitStatus()
    }
    return discarded
  }

  /**
   * Drops one rejected write (and the rejected record it created), once the agent has read why;
   * the views it showed in and the counts refresh.
   */
  async discardRejected(mutationId: string): Promise<boolean> {
    const name = await this.store.discardRejected(mutationId)
    if (name === null) return false
    const entities = entitiesShowing(name)
    if (entities.length > 0) this.options.emit('data:changed', { entities })
    this.engine.emitStatus()
    return true
  }

  /** Journals a quick-created contact, then lets sync push it. */
  async createCustomer(args: WorkerArgs<'customer:create'>): Promise<Customer> {
    const customer = await this.store.createCustomer(args)
    this.options.emit('data:changed', { entities: ['customer'] })
    this.engine.emitStatus()
    this.engine.afterLocalWrite()
    this.scheduleSnapshot()
    return customer
  }

  /** Matching on ring; the online lookup only when the last sync pass reached the server. */
  matchCaller(args: WorkerArgs<'customer:match'>): Promise<CustomerMatch> {
    const unreachable = this.engine.status().lastError?.code === 'unavailable'
    const online =
      args.online === false || unreachable
        ? null
        : createOnlineLookup({
            fetch: this.options.fetch,
            serverUrl: this.options.serverUrl,
            accessToken: () => this.tokens.accessToken,
            timers: this.options.timers
          })
    return matchCaller(
      {
        matchLocal: (a) => this.store.matchCustomer(a),
        cacheCustomers: (customers) => {
          this.store.cacheCustomers(customers)
          this.options.emit('data:changed', { entities: ['customer'] })
          this.scheduleSnapshot()
        },
        online
      },
      args
    )
  }

  private tokensChanged(tokens: SessionTokens): void {
    this.tokens = tokens
  }

  /** Stops syncing, writes a final snapshot if anything changed, and closes the store. */
  async close(): Promise<void> {
    this.options.timers.clearTimeout(this.idleTimer)
    await this.engine.stop()
    await this.snapshotting
    const due = this.store.snapshotDue
    if (due.dirty || due.writes > 0) await this.snapshotNow()
    await this.store.close()
  }

  private scheduleSnapshot(): void {
    const due = this.store.snapshotDue
    if (due.writes >= (this.options.snapshotEveryWrites ?? 500)) {
      void this.snapshotNow()
      return
    }
    this.options.timers.clearTimeout(this.idleTimer)
    this.idleTimer = this.options.timers.setTimeout(() => {
      this.idleTimer = null
      const idleDue = this.store.snapshotDue
      if (idleDue.dirty || idleDue.writes > 0) void this.snapshotNow()
    }, this.options.snapshotIdleMs ?? 10_000)
  }

  private snapshotNow(): Promise<void> {
    this.snapshotting ??= this.store
      .snapshot()
      .catch((error: unknown) => {
        // The journals stay until a later snapshot succeeds, so nothing is lost.
        log.error('snapshot failed', error instanceof Error ? error.message : String(error))
      })
      .finally(() => {
        this.snapshotting = null
      })
    return this.snapshotting
  }
}
