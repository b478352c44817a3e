/**
 * Fans change notifications out to this instance's WebSocket clients. Every instance LISTENs on
 * the database, so a push on any instance pokes the clients of all of them.
 */
import type { RealtimeMessage } from '../../shared/sync/protocol'
import type { Db, Unlisten } from '../db/db'
import { CHANGES_CHANNEL } from '../sync/change-log'

/** The part of a `ws` WebSocket the hub uses, so any compatible socket can be handed in. */
export interface RealtimeSocket {
  readonly readyState: number
  readonly OPEN: number
  send(data: string): void
  ping(): void
  close(code: number, reason: string): void
  on(event: 'close', listener: () => void): unknown
}

const KEEPALIVE_MS = 30_000
/** How long pokes are gathered before one goes out: small next to a human's reaction time. */
const POKE_COALESCE_MS = 50
/** Close code for "going away" when the server shuts down. */
const GOING_AWAY = 1001

export class RealtimeHub {
  private readonly sockets = new Set<RealtimeSocket>()
  private unlisten: Unlisten | null = null
  private keepalive: NodeJS.Timeout | null = null

  /** Starts listening for changes on the database. */
  async start(db: Db): Promise<void> {
    this.unlisten = await db.listen(CHANGES_CHANNEL, (payload) => {
      const cursor = Number(payload)
      if (Number.isSafeInteger(cursor)) this.pokeSoon(cursor)
    })
    // Idle connections through proxies and NATs are dropped silently; pings keep them open.
    this.keepalive = setInterval(() => {
      this.sockets.forEach((s) => {
        s.ping()
      })
    }, KEEPALIVE_MS)
    this.keepalive.unref()
  }

  /** Adds an authenticated client and greets it. */
  add(socket: RealtimeSocket): void {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    send(socket, { type: 'hello', protocolVersion: this.protocolVersion })
  }

  private pendingCursor: number | null = null
  private pokeTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly protocolVersion: number,
    private readonly pokeCoalesceMs = POKE_COALESCE_MS
  ) {}

  get size(): number {
    return this.sockets.size
  }

  /**
   * Coalesces pokes: under load every push NOTIFYs, and fanning each one out to every client
   * would cost (pushes × clients) messages. One poke per window carries the newest cursor, and
   * a client pulls everything up to it anyway.
   */
  private pokeSoon(cursor: number): void {
    this.pendingCursor = Math.max(this.pendingCursor ?? 0, cursor)
    if (this.pokeTimer) return
    this.pokeTimer = setTimeout(() => {
      this.pokeTimer = null
      const newest = this.pendingCursor
      this.pendingCursor = null
      if (newest !== null) this.broadcast({ type: 'poke', cursor: newest })
    }, this.pokeCoalesceMs)
  }

  broadcast(message: RealtimeMessage): void {
    this.sockets.forEach((s) => {
      send(s, message)
    })
  }

  /** Stops listening and closes every client. */
  async stop(): Promise<void> {
    if (this.keepalive) clearInterval(this.keepalive)
    if (this.pokeTimer) clearTimeout(this.pokeTimer)
    this.pokeTimer = null
    this.sockets.forEach((s) => {
      s.close(GOING_AWAY, 'server shutting down')
    })
    this.sockets.clear()
    const unlisten = this.unlisten
    this.unlisten = null
    await unlisten?.()
  }
}

function send(socket: RealtimeSocket, message: RealtimeMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
}
