/**
 * One open user session in the worker: the local store, its sync engine and the snapshot
 * schedule (every N writes, or when the store has been idle for a while).
 */
import type { SqlJsStatic } from 'sql.js'

import type { SessionTokens, SyncEntity } from '@shared/contract/worker'
import type { Role } from '@shared/domain/user'

import type { DurableFiles } from '../store/durable-files'
import { LocalStore } from '../store/local-store'
import { createLogger } from '../runtime/logger'
import { SyncEngine, type EmitEvent, type SyncRuntime } from '../sync/engine'
import type { FetchLike } from '../sync/http'

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

/** The server, for requests that do not go through sync (online lookup, analytics). */
export interface ServerAccess {
  fetch: FetchLike
  serverUrl: string
  timers: SyncRuntime['timers']
  accessToken: () => string
  /** Refreshes the tokens (a sync pass does it) after a 401. */
  refreshTokens: () => Promise<unknown>
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

  get userId(): string {
    return this.options.userId
  }

  /** Who writes: a compensation is decided here by the user's role before the server decides. */
  get actor(): { userId: string; role: Role } {
    return { userId: this.options.userId, role: this.options.role }
  }

  /**
   * Runs a journaled command (durable before it resolves), then lets the views showing
   * `entities` re-query, the status count it and sync push it.
   */
  async write<T>(command: (store: LocalStore) => Promise<T>, entities: SyncEntity[]): Promise<T> {
    const result = await command(this.store)
    this.written(entities)
    return result
  }

  /** After a journaled write: views re-query, the status counts it, sync pushes it. */
  private written(entities: SyncEntity[]): void {
    if (entities.length > 0) this.options.emit('data:changed', { entities })
    this.engine.emitStatus()
    this.engine.afterLocalWrite()
    this.scheduleSnapshot()
  }

  /** After a rejected write was discarded: the views it showed in and the counts refresh. */
  discarded(entities: SyncEntity[]): void {
    if (entities.length > 0) this.options.emit('data:changed', { entities })
    this.engine.emitStatus()
  }

  /** After cache data arrived outside a pull: views re-query, the next snapshot keeps it. */
  cached(entities: SyncEntity[]): void {
    this.options.emit('data:changed', { entities })
    this.scheduleSnapshot()
  }

  /** What a request straight to the server needs, with the access token of the moment. */
  get server(): ServerAccess {
    return {
      fetch: this.options.fetch,
      serverUrl: this.options.serverUrl,
      timers: this.options.timers,
      accessToken: () => this.tokens.accessToken,
      refreshTokens: () => this.engine.syncNow()
    }
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
