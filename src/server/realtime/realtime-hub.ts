/**
 * Fans change notifications out to this instance's WebSocket clients. Every instance LISTENs on
 * the database, so a push on any instance pokes the clients of all of them. A client is poked
 * only for changes it may pull, and pokes are coalesced, so fan-out stays proportional to the
 * clients that have something new rather than to pushes × clients.
 *
 * The same sockets carry live presence (presence-hub.ts): desks publish on them, leads get the
 * floor on them, and a `tick` every few seconds lets every client notice a socket gone silent.
 */
import { SERVER_TICK_MS, type FloorEntry } from '@shared/presence/presence'
import type { RealtimeMessage } from '@shared/sync/protocol'
import type { Db, Unlisten } from '../db/db'
import { CHANGES_CHANNEL, parsePokePayload, type Visibility } from '../sync/change-log'
import { FrameBudget, PresenceHub, seesFloorOf, type PresenceClient } from './presence-hub'
import type { PresenceFacts } from './presence-floor'

/** The part of a `ws` WebSocket the hub uses, so any compatible socket can be handed in. */
export interface RealtimeSocket {
  readonly readyState: number
  readonly OPEN: number
  send(data: string): void
  ping(): void
  close(code: number, reason: string): void
  on(event: 'close', listener: () => void): unknown
  on(event: 'message', listener: (data: unknown, isBinary: boolean) => void): unknown
}

interface Client extends PresenceClient {
  budget: FrameBudget
}

const decoder = new TextDecoder()

function frameText(data: unknown): string | null {
  if (typeof data === 'string') return data
  if (data instanceof Uint8Array) return decoder.decode(data)
  if (Array.isArray(data) && data.every((d) => d instanceof Uint8Array)) {
    return decoder.decode(Buffer.concat(data))
  }
  return null
}

const KEEPALIVE_MS = 30_000
/**
 * How long pokes are gathered before they go out. A teammate's record reaches other screens
 * within about a second (an agent's own writes come back at once with the pull after a push);
 * measured with `npm run bench:sync`, 50 ms made every client pull 20 times a second under load.
 */
const POKE_COALESCE_MS = 1000
/** Close code for "going away" when the server shuts down. */
const GOING_AWAY = 1001
/** Key of shared rows (team_id NULL) in the pending map. */
const SHARED = ''

/** Whether a poke key (see `Poke` in change-log) concerns a client with this scope. */
function isVisible(key: string, scope: Visibility): boolean {
  if (scope.kind === 'all' || key === SHARED) return true
  if (scope.kind === 'shared') return false
  if (key.startsWith('u:')) return key === `u:${scope.userId}`
  if (key.startsWith('l:')) return scope.privateRows === 'team' && key === `l:${scope.teamId}`
  return key === scope.teamId
}

/** The newest pending cursor this client may see, or null when nothing of its scope changed. */
function visibleCursor(pending: ReadonlyMap<string, number>, scope: Visibility): number | null {
  let newest: number | null = null
  for (const [key, cursor] of pending) {
    if (isVisible(key, scope) && (newest === null || cursor > newest)) newest = cursor
  }
  return newest
}

export interface RealtimeHubOptions {
  protocolVersion: number
  facts: PresenceFacts
  onError: (error: unknown) => void
  pokeCoalesceMs?: number
  /** How long a silent desk stays live (tests shorten it). */
  expiryMs?: number
}

export class RealtimeHub {
  private readonly sockets = new Map<RealtimeSocket, Client>()
  private readonly pending = new Map<string, number>()
  private readonly presence: PresenceHub
  private readonly protocolVersion: number
  private readonly pokeCoalesceMs: number
  private unlisten: Unlisten | null = null
  private keepalive: NodeJS.Timeout | null = null
  private ticker: NodeJS.Timeout | null = null
  private pokeTimer: NodeJS.Timeout | null = null
  private stopped = false

  constructor(options: RealtimeHubOptions) {
    this.protocolVersion = options.protocolVersion
    this.pokeCoalesceMs = options.pokeCoalesceMs ?? POKE_COALESCE_MS
    this.presence = new PresenceHub({
      facts: options.facts,
      onError: options.onError,
      ...(options.expiryMs === undefined ? {} : { expiryMs: options.expiryMs }),
      fanOut: (entry) => {
        this.fanOutEntry(entry)
      }
    })
  }

  /** Starts listening for changes on the database. */
  async start(db: Db): Promise<void> {
    this.unlisten = await db.listen(CHANGES_CHANNEL, (payload) => {
      const poke = parsePokePayload(payload)
      if (poke) for (const team of poke.teams) this.pokeSoon(team ?? SHARED, poke.cursor)
    })
    await this.presence.start(db)
    // Idle connections through proxies and NATs are dropped silently; pings keep them open.
    this.keepalive = setInterval(() => {
      this.sockets.forEach((_client, s) => {
        s.ping()
      })
    }, KEEPALIVE_MS)
    this.keepalive.unref()
    // Browsers do not expose pings: a message they can see tells them the socket still works.
    this.ticker = setInterval(() => {
      this.sockets.forEach((_client, s) => {
        send(s, { type: 'tick' })
      })
    }, SERVER_TICK_MS)
    this.ticker.unref()
  }

  /**
   * Adds an authenticated client with what it may pull, and greets it; a lead or admin gets the
   * floor they may see. `publisher` is set for a desk that may publish its presence.
   */
  add(socket: RealtimeSocket, scope: Visibility, publisher: PresenceClient['publisher']): void {
    // A client whose token was still being checked when the server began to stop: an open
    // socket the hub no longer knows would keep the server's close waiting for ever.
    if (this.stopped) {
      socket.close(GOING_AWAY, 'server shutting down')
      return
    }
    const client: Client = { scope, publisher, budget: new FrameBudget(Date.now) }
    this.sockets.set(socket, client)
    // A closed socket is not a lost desk: expiry comes from the desk's beats (presence-floor.ts).
    socket.on('close', () => this.sockets.delete(socket))
    socket.on('message', (data) => {
      const text = frameText(data)
      if (text !== null && client.budget.take()) this.presence.received(client, text)
    })
    send(socket, { type: 'hello', protocolVersion: this.protocolVersion })
    const floor = this.presence.floorFor(scope)
    if (floor) send(socket, { type: 'floor', entries: floor })
  }

  /** One agent's live-floor entry as this instance knows it (monitoring checks the call). */
  floorEntryOf(agentId: string): FloorEntry | null {
    return this.presence.entryOf(agentId)
  }

  private fanOutEntry(entry: FloorEntry): void {
    this.sockets.forEach((client, socket) => {
      if (seesFloorOf(client.scope, entry.teamId)) send(socket, { type: 'floor:entry', entry })
    })
  }

  get size(): number {
    return this.sockets.size
  }

  private pokeSoon(team: string, cursor: number): void {
    this.pending.set(team, Math.max(this.pending.get(team) ?? 0, cursor))
    if (this.pokeTimer) return
    this.pokeTimer = setTimeout(() => {
      this.pokeTimer = null
      this.flush()
    }, this.pokeCoalesceMs)
  }

  private flush(): void {
    const pending = new Map(this.pending)
    this.pending.clear()
    this.sockets.forEach(({ scope }, socket) => {
      const cursor = visibleCursor(pending, scope)
      if (cursor !== null) send(socket, { type: 'poke', cursor })
    })
  }

  /** Stops listening and closes every client. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.keepalive) clearInterval(this.keepalive)
    if (this.ticker) clearInterval(this.ticker)
    if (this.pokeTimer) clearTimeout(this.pokeTimer)
    this.pokeTimer = null
    this.sockets.forEach((_client, s) => {
      s.close(GOING_AWAY, 'server shutting down')
    })
    this.sockets.clear()
    await this.presence.stop()
    const unlisten = this.unlisten
    this.unlisten = null
    await unlisten?.()
  }
}

function send(socket: RealtimeSocket, message: RealtimeMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
}
