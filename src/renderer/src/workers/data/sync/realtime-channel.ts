/**
 * The realtime channel: a WebSocket on which the server pokes clients to pull now, desks publish
 * their live presence and leads receive the floor. It reconnects with backoff; every
 * (re)connection is a chance to sync at once.
 *
 * A connection dropped silently (a NAT forgetting it, a cable pulled upstream) never closes by
 * itself: the server ticks every few seconds, and a socket that says nothing for
 * `CLIENT_SILENCE_MS` is treated as dead and replaced.
 */
import { CLIENT_SILENCE_MS, floorEntrySchema, type FloorEntry } from '@shared/presence/presence'
import { realtimeMessageSchema, type RealtimeClientMessage } from '@shared/sync/protocol'

import { backoffDelay, type Timers } from '@shared/retry/backoff'

/** What the channel hears from a socket. */
export interface SocketHandlers {
  onOpen(): void
  onMessage(data: unknown): void
  /** Called once, whether the socket failed to connect or closed later; `code` if known. */
  onClose(code?: number): void
}

/** An open (or opening) socket; `close()` must not call `onClose`. */
export interface SocketLike {
  close(): void
  /** Sends a text frame; only called once `onOpen` was heard. */
  send(data: string): void
}

/** Opens a WebSocket to `url` (the browser's in the worker, the `ws` package in Node tests). */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike

export interface RealtimeChannelOptions {
  /** Builds the URL at each attempt, so a refreshed access token is used on reconnect. */
  url: () => string
  createSocket: SocketFactory
  timers: Timers
  random: () => number
  onConnected: () => void
  onPoke: (cursor: number) => void
  onLiveChanged: (isLive: boolean) => void
  /** The server closed the socket because the access token was refused. */
  onUnauthorized: () => void
  /** The whole floor this user may see (leads and admins), at each connection. */
  onFloor?: (entries: FloorEntry[]) => void
  onFloorEntry?: (entry: FloorEntry) => void
}

/** Entries this build can read; one it cannot never hides the others. */
function readableEntries(raw: readonly unknown[]): FloorEntry[] {
  const entries: FloorEntry[] = []
  for (const item of raw) {
    const entry = floorEntrySchema.safeParse(item)
    if (entry.success) entries.push(entry.data)
  }
  return entries
}

/** The server's close code for a refused token (see the realtime route). */
export const CLOSE_UNAUTHENTICATED = 4401

const decoder = new TextDecoder()

function messageText(data: unknown): string | null {
  if (typeof data === 'string') return data
  if (data instanceof Uint8Array) return decoder.decode(data)
  if (data instanceof ArrayBuffer) return decoder.decode(new Uint8Array(data))
  return null
}

export class RealtimeChannel {
  private socket: SocketLike | null = null
  private isOpen = false
  private retryTimer: unknown = null
  private silenceTimer: unknown = null
  private attempt = 0
  private isStopped = true

  constructor(private readonly options: RealtimeChannelOptions) {}

  start(): void {
    this.isStopped = false
    this.connect()
  }

  stop(): void {
    this.isStopped = true
    this.options.timers.clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.drop()
  }

  /** Sends a message if the socket is open; false when it is not (the caller resends later). */
  send(message: RealtimeClientMessage): boolean {
    if (!this.socket || !this.isOpen) return false
    this.socket.send(JSON.stringify(message))
    return true
  }

  get isConnected(): boolean {
    return this.isOpen
  }

  /** Closes the current socket, if any, and says the channel is no longer live. */
  private drop(): void {
    this.options.timers.clearTimeout(this.silenceTimer)
    this.silenceTimer = null
    const socket = this.socket
    const wasOpen = this.isOpen
    this.socket = null
    this.isOpen = false
    if (socket) {
      socket.close()
      if (wasOpen || this.isStopped) this.options.onLiveChanged(false)
    }
  }

  /** Any frame proves the socket works; silence for too long means it does not. */
  private heard(): void {
    this.options.timers.clearTimeout(this.silenceTimer)
    this.silenceTimer = this.options.timers.setTimeout(() => {
      this.silenceTimer = null
      this.drop()
      this.scheduleReconnect()
    }, CLIENT_SILENCE_MS)
  }

  private connect(): void {
    if (this.isStopped) return
    let closed = false
    const handlers: SocketHandlers = {
      onOpen: () => {
        if (this.socket !== socket) return
        this.attempt = 0
        this.isOpen = true
        this.heard()
        this.options.onLiveChanged(true)
        this.options.onConnected()
      },
      onMessage: (data) => {
        if (this.socket !== socket) return
        this.heard()
        this.handleMessage(data)
      },
      onClose: (code) => {
        if (closed || this.socket !== socket) return
        closed = true
        this.socket = null
        this.isOpen = false
        this.options.timers.clearTimeout(this.silenceTimer)
        this.silenceTimer = null
        this.options.onLiveChanged(false)
        // A refused token: a sync pass refreshes it, and the reconnect uses the new one.
        if (code === CLOSE_UNAUTHENTICATED) this.options.onUnauthorized()
        this.scheduleReconnect()
      }
    }
    let socket: SocketLike | null = null
    try {
      socket = this.options.createSocket(this.options.url(), handlers)
      this.socket = socket
    } catch {
      this.scheduleReconnect()
    }
  }

  private handleMessage(data: unknown): void {
    const text = messageText(data)
    if (text === null) return
    try {
      const parsed = realtimeMessageSchema.safeParse(JSON.parse(text))
      if (!parsed.success) return
      const message = parsed.data
      if (message.type === 'poke') this.options.onPoke(message.cursor)
      else if (message.type === 'floor') this.options.onFloor?.(readableEntries(message.entries))
      else if (message.type === 'floor:entry') {
        const entry = floorEntrySchema.safeParse(message.entry)
        if (entry.success) this.options.onFloorEntry?.(entry.data)
      }
    } catch {
      // A malformed frame is ignored: the next poke or reconnect catches up.
    }
  }

  private scheduleReconnect(): void {
    if (this.isStopped) return
    const delay = backoffDelay(this.attempt++, this.options.random)
    this.retryTimer = this.options.timers.setTimeout(() => {
      this.retryTimer = null
      this.connect()
    }, delay)
  }
}
