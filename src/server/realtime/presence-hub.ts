/**
 * Live presence on the realtime sockets: desks publish, leads receive their team's floor and
 * every change to it, admins all teams. Across instances through NOTIFY. See presence-floor.ts
 * for ownership and expiry.
 */
import { randomUUID } from 'node:crypto'

import { floorEntrySchema, PRESENCE_EXPIRY_MS, type FloorEntry } from '@shared/presence/presence'
import { realtimeClientMessageSchema } from '@shared/sync/protocol'
import type { Db, Unlisten } from '../db/db'
import type { Visibility } from '../sync/change-log'
import { PresenceFloor, type FloorNotice, type PresenceFacts } from './presence-floor'

export const PRESENCE_CHANNEL = 'atiende_presence'
const SWEEP_MS = 1000
/** Instances beat several times within a desk's expiry, so one late beat is no takeover. */
const INSTANCE_BEATS_PER_EXPIRY = 5
/** A desk debounces its frames; more than this many a second is a fault, not a floor. */
const FRAMES_PER_SECOND = 5
const FRAME_BURST = 20

/** Who is on a socket, as far as presence goes. */
export interface PresenceClient {
  scope: Visibility
  /** The desk's agent and team when this socket may publish presence (agents only). */
  publisher: { agentId: string; teamId: string } | null
}

/** Whether a client with this scope sees the floor of `teamId`: admins, and the team's leads. */
export function seesFloorOf(scope: Visibility, teamId: string): boolean {
  if (scope.kind === 'all') return true
  return scope.kind === 'team' && scope.privateRows === 'team' && scope.teamId === teamId
}

/** Whether a client with this scope sees any floor at all (and gets one on connecting). */
export function seesAFloor(scope: Visibility): boolean {
  return scope.kind === 'all' || (scope.kind === 'team' && scope.privateRows === 'team')
}

/** A per-socket token bucket for frames. */
export class FrameBudget {
  private tokens = FRAME_BURST
  private at: number

  constructor(private readonly now: () => number) {
    this.at = now()
  }

  take(): boolean {
    const now = this.now()
    this.tokens = Math.min(FRAME_BURST, this.tokens + ((now - this.at) / 1000) * FRAMES_PER_SECOND)
    this.at = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

function parseNotice(payload: string): FloorNotice | null {
  try {
    const value: unknown = JSON.parse(payload)
    if (typeof value !== 'object' || value === null || !('kind' in value)) return null
    if ((value.kind === 'instance' || value.kind === 'hello') && 'id' in value) {
      return typeof value.id === 'string' ? { kind: value.kind, id: value.id } : null
    }
    if (value.kind === 'entry' && 'owner' in value && 'entry' in value) {
      const entry = floorEntrySchema.safeParse(value.entry)
      if (typeof value.owner === 'string' && entry.success) {
        return { kind: 'entry', owner: value.owner, entry: entry.data }
      }
    }
    return null
  } catch {
    return null
  }
}

export interface PresenceHubOptions {
  facts: PresenceFacts
  /** Sends an entry to every local socket whose scope sees its team. */
  fanOut: (entry: FloorEntry) => void
  onError: (error: unknown) => void
  now?: () => number
  expiryMs?: number
}

export class PresenceHub {
  private floor: PresenceFloor | null = null
  private unlisten: Unlisten | null = null
  private timers: NodeJS.Timeout[] = []
  private readonly now: () => number

  constructor(private readonly options: PresenceHubOptions) {
    this.now = options.now ?? Date.now
  }

  async start(db: Db): Promise<void> {
    const expiryMs = this.options.expiryMs ?? PRESENCE_EXPIRY_MS
    const floor = new PresenceFloor({
      instanceId: randomUUID(),
      now: this.now,
      facts: this.options.facts,
      // Also on PGlite: two apps in one process may share one embedded database.
      broadcast: (notice: FloorNotice) => {
        db.notify(PRESENCE_CHANNEL, JSON.stringify(notice)).catch(this.options.onError)
      },
      onChange: this.options.fanOut,
      onError: this.options.onError,
      expiryMs
    })
    this.floor = floor
    this.unlisten = await db.listen(PRESENCE_CHANNEL, (payload) => {
      const notice = parseNotice(payload)
      if (notice) floor.noticed(notice)
    })
    floor.greet()
    const every = (ms: number, fn: () => void) => {
      const timer = setInterval(fn, ms)
      timer.unref()
      this.timers.push(timer)
    }
    every(Math.min(SWEEP_MS, expiryMs / 4), () => {
      floor.sweep()
    })
    every(expiryMs / INSTANCE_BEATS_PER_EXPIRY, () => {
      floor.beat()
    })
  }

  /** The floor a client sees on connecting, or null when it sees none. */
  floorFor(scope: Visibility): FloorEntry[] | null {
    if (!seesAFloor(scope) || !this.floor) return null
    return this.floor.entries((teamId) => seesFloorOf(scope, teamId))
  }

  /** One agent's floor entry, whatever its team (for the server's own checks), or null. */
  entryOf(agentId: string): FloorEntry | null {
    return this.floor?.entry(agentId) ?? null
  }

  /** A frame a client sent; anything but a desk's valid presence is dropped. */
  received(client: PresenceClient, data: string): void {
    const floor = this.floor
    if (!floor || !client.publisher) return
    let message: unknown
    try {
      message = JSON.parse(data)
    } catch {
      return
    }
    const parsed = realtimeClientMessageSchema.safeParse(message)
    if (!parsed.success) return
    const { agentId, teamId } = client.publisher
    if (parsed.data.type === 'presence') floor.heard(agentId, teamId, parsed.data.presence)
    else floor.left(agentId)
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer)
    this.timers = []
    const unlisten = this.unlisten
    this.unlisten = null
    await unlisten?.()
  }
}
