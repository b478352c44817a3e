/**
 * The realtime channel: a WebSocket on which the server pokes clients to pull now. It
 * reconnects with backoff; every (re)connection is a chance to sync at once.
 */
import { realtimeMessageSchema } from '@shared/sync/protocol'

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
  private retryTimer: unknown = null
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
    const socket = this.socket
    this.socket = null
    if (socket) {
      socket.close()
      this.options.onLiveChanged(false)
    }
  }

  private connect(): void {
    if (this.isStopped) return
    let closed = false
    const handlers: SocketHandlers = {
      onOpen: () => {
        this.attempt = 0
        this.options.onLiveChanged(true)
        this.options.onConnected()
      },
      onMessage: (data) => {
        this.handleMessage(data)
      },
      onClose: (code) => {
        if (closed || this.socket !== socket) return
        closed = true
        this.socket = null
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
      if (parsed.success && parsed.data.type === 'poke') this.options.onPoke(parsed.data.cursor)
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
