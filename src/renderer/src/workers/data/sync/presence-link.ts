/**
 * The desk's side of live presence: the page hands over its presence whenever it changes, and
 * this sends it on the realtime socket at once, again every `PRESENCE_BEAT_MS` as the heartbeat,
 * and again on every (re)connection, so a desk that comes back shows on the floor at once.
 */
import { PRESENCE_BEAT_MS, type DeskPresence } from '@shared/presence/presence'
import type { RealtimeClientMessage } from '@shared/sync/protocol'

import type { Timers } from '@shared/retry/backoff'

export interface PresenceSocket {
  send(message: RealtimeClientMessage): boolean
}

export class PresenceLink {
  private latest: DeskPresence | null = null
  private beatTimer: unknown = null

  constructor(
    private readonly socket: PresenceSocket,
    private readonly timers: Timers
  ) {}

  /** The desk's presence changed (or is published for the first time). */
  publish(presence: DeskPresence): void {
    this.latest = presence
    this.send()
  }

  /** The realtime socket (re)connected. */
  connected(): void {
    if (this.latest) this.send()
  }

  /** The agent signs out: the floor shows them offline, and beats stop. */
  leave(): void {
    if (this.latest) this.socket.send({ type: 'presence:leave' })
    this.latest = null
    this.timers.clearTimeout(this.beatTimer)
    this.beatTimer = null
  }

  private send(): void {
    const latest = this.latest
    if (!latest) return
    this.socket.send({
      type: 'presence',
      presence: { ...latest, sentAt: new Date(this.timers.now()).toISOString() }
    })
    // Beats keep going while the socket is down: the first one after it is back resends.
    this.timers.clearTimeout(this.beatTimer)
    this.beatTimer = this.timers.setTimeout(() => {
      this.beatTimer = null
      this.send()
    }, PRESENCE_BEAT_MS)
  }
}
