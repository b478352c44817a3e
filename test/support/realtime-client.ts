/** A realtime WebSocket client for tests: queues every message until a test waits for it. */
import WebSocket from 'ws'

import { realtimeMessageSchema, type RealtimeMessage } from '@shared/sync/protocol'

/** A WebSocket client that queues every message so tests can wait for the one they expect. */
export class RealtimeClient {
  private readonly messages: RealtimeMessage[] = []
  private readonly waiters: (() => void)[] = []
  readonly closed: Promise<{ code: number; reason: string }>
  readonly socket: WebSocket

  constructor(url: string) {
    this.socket = new WebSocket(url)
    this.socket.on('message', (data: Buffer) => {
      this.messages.push(realtimeMessageSchema.parse(JSON.parse(data.toString('utf8'))))
      this.waiters.splice(0).forEach((wake) => {
        wake()
      })
    })
    this.closed = new Promise((resolve) => {
      this.socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() })
      })
    })
  }

  /** The first queued message matching `predicate`, waiting up to `timeoutMs`. */
  async next(
    predicate: (m: RealtimeMessage) => boolean,
    timeoutMs = 5000
  ): Promise<RealtimeMessage> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const index = this.messages.findIndex(predicate)
      if (index >= 0) return this.messages.splice(index, 1)[0] ?? Promise.reject(new Error('gone'))
      const left = deadline - Date.now()
      if (left <= 0) throw new Error('No matching realtime message arrived in time')
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /** Sends a message as a client would (presence, leave), once the socket is open. */
  async send(message: unknown): Promise<void> {
    if (this.socket.readyState !== WebSocket.OPEN) {
      await new Promise<void>((resolve) =>
        this.socket.once('open', () => {
          resolve()
        })
      )
    }
    this.socket.send(JSON.stringify(message))
  }

  /** Every queued message so far, without taking them (for "never received" checks). */
  get queued(): readonly RealtimeMessage[] {
    return this.messages
  }

  close(): void {
    this.socket.close()
  }
}
