/**
 * The sync engine: keeps the local store and the central server in step.
 *
 * @remarks
 * - A pass pushes the outbox then pulls (see `runSyncCycle`). Passes never overlap: a trigger
 *   during a pass runs one more pass right after it.
 * - Network errors, 5xx and 429 retry with exponential backoff and full jitter (cap 30 s); a
 *   realtime (re)connection, a poke or `syncNow()` retries at once. A local write pushes at
 *   once too, except while backing off: then it waits for the scheduled retry, which carries
 *   it, so an agent writing through an outage does not turn the backoff into a request per write.
 * - 401: the access token is refreshed once (rotating refresh token, announced with
 *   `auth:tokens-changed`) and the request repeated; a refused refresh emits `auth:expired` and
 *   stops syncing, while local writes keep working.
 * - 426: stops with an `incompatible_version` error until `syncNow()` is called.
 * - Other 4xx: recorded as the last error; the next trigger tries again. On a push, a failure
 *   answer (500, 4xx) is narrowed to the mutation at fault (push-outbox.ts): rejected when bad
 *   input, else counted; one the server keeps failing becomes stuck and is shown, and the
 *   others go on. `syncNow()`, the user's retry, puts stuck mutations back in the queue.
 */
import { appError, type AppError } from '@shared/contract/errors'
import type { SessionTokens, SyncEntity, SyncStatus, WorkerEvents } from '@shared/contract/worker'
import { DEFAULT_PULL_LIMIT, PROTOCOL_VERSION, type Mutation } from '@shared/sync/protocol'

import { backoffDelay, type Timers } from '@shared/retry/backoff'
import { createLogger } from '../runtime/logger'
import type { DeskPresence } from '@shared/presence/presence'
import { PresenceLink } from './presence-link'
import { RealtimeChannel, type SocketFactory } from './realtime-channel'
import { runSyncCycle, type AuthedRequests, type SyncStore } from './cycle'
import { SyncHttp, type FetchLike, type HttpOutcome } from './http'

const log = createLogger('sync-engine')
/** Pulls after a poke are spread over this long (the server coalesces pokes for as long). */
const POKE_SPREAD_MS = 1000

export type EmitEvent = <K extends keyof WorkerEvents>(name: K, payload: WorkerEvents[K]) => void

/** What the engine needs from its surroundings; injected so tests run it under Node. */
export interface SyncRuntime {
  fetch: FetchLike
  createSocket: SocketFactory
  timers: Timers
  random: () => number
  emit: EmitEvent
}

export interface SyncEngineOptions extends SyncRuntime {
  store: SyncStore
  serverUrl: string
  tokens: SessionTokens
  pullLimit?: number
}

type StopReason = 'auth' | 'incompatible' | 'closed'

export class SyncEngine {
  private readonly http: SyncHttp
  private readonly realtime: RealtimeChannel
  private readonly presence: PresenceLink
  private tokens: SessionTokens
  private running: Promise<void> | null = null
  private rerun = false
  /** A local write arrived while a retry was in flight: one more pass if that retry worked. */
  private writeWhileRetrying = false
  private retryTimer: unknown = null
  private pokeTimer: unknown = null
  private attempt = 0
  private stopped: StopReason | null = null
  private lastSyncAt: string | null = null
  private lastError: AppError | null = null
  private isLive = false
  private lastEmitted = ''

  constructor(private readonly options: SyncEngineOptions) {
    this.tokens = options.tokens
    // A restart shows when the cache last synced, even before (or without) a pass here.
    this.lastSyncAt = options.store.lastSyncedAt
    this.http = new SyncHttp(options.serverUrl, options.fetch)
    this.realtime = new RealtimeChannel({
      url: () => realtimeUrl(options.serverUrl, this.tokens.accessToken),
      createSocket: options.createSocket,
      timers: options.timers,
      random: options.random,
      onConnected: () => {
        this.presence.connected()
        this.trigger()
      },
      onFloor: (entries) => {
        options.emit('floor:replaced', { entries })
      },
      onFloorEntry: (entry) => {
        options.emit('floor:entry', { entry })
      },
      onPoke: (cursor) => {
        if (cursor > options.store.cursor) this.pullSoon()
      },
      onLiveChanged: (isLive) => {
        this.isLive = isLive
        this.emitStatus()
      },
      onUnauthorized: () => {
        this.trigger()
      }
    })
    this.presence = new PresenceLink(this.realtime, options.timers)
  }

  /** The desk's live presence for its team's leads (ephemeral: never journaled or pushed). */
  publishPresence(presence: DeskPresence): void {
    if (this.stopped !== 'closed') this.presence.publish(presence)
  }

  leavePresence(): void {
    this.presence.leave()
  }

  /**
   * Every client of a team gets the same poke at the same instant; each waits a random part of
   * a second before pulling, so the server answers them spread out instead of all at once.
   */
  private pullSoon(): void {
    if (this.pokeTimer !== null) return
    this.pokeTimer = this.options.timers.setTimeout(() => {
      this.pokeTimer = null
      this.trigger()
    }, this.options.random() * POKE_SPREAD_MS)
  }

  /** Connects the realtime channel and runs a first pass. */
  start(): void {
    this.emitStatus()
    this.realtime.start()
    this.trigger()
  }

  /** Stops every timer and the socket; an in-flight request finishes but changes nothing more. */
  async stop(): Promise<void> {
    this.stopped = 'closed'
    this.clearRetry()
    if (this.pokeTimer !== null) this.options.timers.clearTimeout(this.pokeTimer)
    this.pokeTimer = null
    this.presence.leave()
    this.realtime.stop()
    await this.running
  }

  /** Runs a pass now (skipping any backoff wait) and answers with the status after it. */
  async syncNow(): Promise<SyncStatus> {
    if (this.stopped === 'incompatible') this.stopped = null
    if (this.stopped !== 'closed') this.options.store.releaseStuck()
    this.trigger()
    await this.running
    return this.status()
  }

  /** Resolves once no pass is running, including passes a trigger queued meanwhile. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running
  }

  /**
   * A local write asks for a push: at once, unless the engine is backing off after failures.
   * Then the scheduled retry carries the write (and a retry in flight that succeeds runs once
   * more for it), so the backoff keeps growing however often the agent writes.
   */
  afterLocalWrite(): void {
    if (!this.isBackingOff()) {
      this.trigger()
      return
    }
    if (this.running) this.writeWhileRetrying = true
    this.emitStatus()
  }

  /** The last pass failed and a retry is scheduled or running; a stopped engine never is. */
  private isBackingOff(): boolean {
    return (
      this.stopped === null &&
      this.attempt > 0 &&
      (this.retryTimer !== null || this.running !== null)
    )
  }

  /** Asks for a pass soon (after a poke, a reconnection, a write when not backing off). */
  trigger(): void {
    if (this.stopped === 'closed') return
    if (this.stopped !== null) {
      // Stopped (expired session, old protocol): a local write still changes the counts.
      this.emitStatus()
      return
    }
    this.clearRetry()
    if (this.running) {
      this.rerun = true
      return
    }
    this.running = this.loop().finally(() => {
      this.running = null
    })
  }

  status(): SyncStatus {
    const counts = this.options.store.outboxCounts()
    const stuck = this.options.store.stuckSummary()
    return {
      pending: counts.pending,
      rejected: counts.rejected,
      stuck: stuck.count,
      stuckReason: stuck.reason,
      lastSyncAt: this.lastSyncAt,
      lastError: this.lastError,
      cursor: this.options.store.cursor,
      isLive: this.isLive
    }
  }

  /** Emits `sync:status-changed` only when something the UI shows has changed. */
  emitStatus(): void {
    const status = this.status()
    const key = JSON.stringify(status)
    if (key === this.lastEmitted) return
    this.lastEmitted = key
    this.options.emit('sync:status-changed', status)
  }

  private async loop(): Promise<void> {
    for (;;) {
      this.rerun = false
      this.writeWhileRetrying = false
      await this.pass()
      if (!this.shouldRunAgain()) return
    }
  }

  /**
   * A trigger arrived during the pass (a write, a poke), or a write during a retry that has now
   * succeeded, and nothing stopped the engine.
   */
  private shouldRunAgain(): boolean {
    const writeAfterRecovery = this.writeWhileRetrying && this.attempt === 0
    return (this.rerun || writeAfterRecovery) && this.stopped === null
  }

  private async pass(): Promise<void> {
    const result = await runSyncCycle(
      this.options.store,
      this.authedRequests(),
      this.options.pullLimit ?? DEFAULT_PULL_LIMIT
    ).catch((error: unknown) => ({
      kind: 'fatal' as const,
      error: appError('internal', error instanceof Error ? error.message : String(error)),
      entities: new Set<SyncEntity>()
    }))
    if (result.entities.size > 0) {
      this.options.emit('data:changed', { entities: [...result.entities].sort() })
    }
    if (result.kind === 'ok') {
      this.attempt = 0
      this.lastError = null
      this.lastSyncAt = new Date(this.options.timers.now()).toISOString()
      await this.options.store.recordSynced(this.lastSyncAt).catch((error: unknown) => {
        // The pass itself succeeded; only a restart would show an older time.
        log.warn('could not record the sync time', error instanceof Error ? error.message : error)
      })
    } else {
      this.handleFailure(result)
    }
    this.emitStatus()
  }

  private handleFailure(failure: Exclude<HttpOutcome<unknown>, { kind: 'ok' }>): void {
    if (this.stopped === 'closed') return
    this.lastError = failure.error
    log.warn('sync pass failed', failure.error)
    if (failure.kind === 'incompatible') {
      this.stopped = 'incompatible'
      this.lastError = { ...failure.error, code: 'incompatible_version' }
      this.realtime.stop()
    } else if (failure.kind === 'unauthorized') {
      this.expire()
    } else {
      // Retryable failures obviously retry; so do "fatal" ones (an unexpected answer), with the
      // same backoff, because a pending write must never wait for the user to notice.
      this.scheduleRetry()
    }
  }

  private scheduleRetry(): void {
    this.clearRetry()
    const delay = backoffDelay(this.attempt++, this.options.random)
    this.retryTimer = this.options.timers.setTimeout(() => {
      this.retryTimer = null
      this.trigger()
    }, delay)
  }

  private clearRetry(): void {
    if (this.retryTimer === null) return
    this.options.timers.clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  private expire(): void {
    if (this.stopped === 'auth') return
    this.stopped = 'auth'
    this.lastError = { code: 'unauthenticated', message: 'the session expired: log in again' }
    this.clearRetry()
    this.realtime.stop()
    this.options.emit('auth:expired', {})
  }

  private authedRequests(): AuthedRequests {
    return {
      push: (mutations: Mutation[], clientId: string) =>
        this.withAuth((token) =>
          this.http.push(token, { protocolVersion: PROTOCOL_VERSION, clientId, mutations })
        ),
      pull: (cursor, limit) => this.withAuth((token) => this.http.pull(token, cursor, limit)),
      bulkPull: (cursor) => this.withAuth((token) => this.http.bulkPull(token, cursor))
    }
  }

  /** Makes a request; on a 401 refreshes the tokens once and repeats it. */
  private async withAuth<T>(
    request: (accessToken: string) => Promise<HttpOutcome<T>>
  ): Promise<HttpOutcome<T>> {
    const first = await request(this.tokens.accessToken)
    if (first.kind !== 'unauthorized') return first
    const refreshed = await this.http.refresh(this.tokens.refreshToken)
    if (refreshed.kind === 'retryable') return refreshed
    if (refreshed.kind !== 'ok') return { kind: 'unauthorized', error: refreshed.error }
    this.tokens = {
      accessToken: refreshed.data.accessToken,
      refreshToken: refreshed.data.refreshToken
    }
    this.options.emit('auth:tokens-changed', this.tokens)
    return request(this.tokens.accessToken)
  }
}

/** `http(s)://host` → `ws(s)://host/api/realtime?token=…`. */
export function realtimeUrl(serverUrl: string, accessToken: string): string {
  const url = new URL('/api/realtime', serverUrl)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  url.searchParams.set('token', accessToken)
  return url.toString()
}
