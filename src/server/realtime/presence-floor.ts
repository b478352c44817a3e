/**
 * The live floor as one server instance knows it: the last presence of every desk, from its own
 * sockets and, through NOTIFY, from the other instances'.
 *
 * @remarks
 * - Each instance owns the desks connected to it: it alone ages them (a desk not heard from for
 *   `PRESENCE_EXPIRY_MS` is lost) and publishes what changed. Heartbeats that change nothing stay
 *   on the owning instance, so the database carries changes, not beats.
 * - Instances beat too (`instance` notices). When an instance falls silent, the others take over
 *   the ageing of its desks, so a desk whose instance died with it still shows lost.
 * - Expiry writes the durable "connection lost" fact; the first frame after it writes the state
 *   the desk is in again. Both go through {@link PresenceFacts} with ids derived from the agent
 *   and the time heard, so instances that race write one fact.
 */
import { createHash } from 'node:crypto'

import { PRESENCE_EXPIRY_MS, type DeskPresence, type FloorEntry } from '@shared/presence/presence'

/** Lost and offline desks are forgotten after a shift's length. */
const FORGET_AFTER_MS = 12 * 3600_000

/** Durable facts the floor writes; idempotent by `id`. */
export interface PresenceFacts {
  connectionLost(fact: {
    id: string
    agentId: string
    teamId: string
    since: string
  }): Promise<void>
  /** The desk is back after a loss: its state again, unless the last durable fact is not a loss. */
  connectionRestored(fact: {
    id: string
    agentId: string
    teamId: string
    presence: DeskPresence
    since: string
  }): Promise<void>
}

/** What one instance tells the others. */
export type FloorNotice =
  | { kind: 'entry'; owner: string; entry: FloorEntry }
  | { kind: 'instance'; id: string }
  /** A new instance asks the others to publish the desks they own. */
  | { kind: 'hello'; id: string }

interface Known {
  entry: FloorEntry
  /** The instance that hears this desk (this one, or another). */
  owner: string
  /** This instance's clock when the desk was last heard (for desks it owns). */
  heardMs: number
}

export interface PresenceFloorOptions {
  instanceId: string
  now: () => number
  facts: PresenceFacts
  /** Tells the other instances; absent on a single-instance database. */
  broadcast: ((notice: FloorNotice) => void) | null
  /** A floor entry changed: the hub sends it to the leads who may see it. */
  onChange: (entry: FloorEntry) => void
  onError: (error: unknown) => void
  expiryMs?: number
}

/** A uuid derived from its parts, so every instance computes the same one. */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('|')).digest('hex')
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`
}

/** The parts of a presence that a lead sees change; `sentAt` moves with every beat. */
function sameShown(a: DeskPresence, b: DeskPresence): boolean {
  return JSON.stringify({ ...a, sentAt: '' }) === JSON.stringify({ ...b, sentAt: '' })
}

export class PresenceFloor {
  private readonly known = new Map<string, Known>()
  /** Other instances and when they were last heard (this instance's clock). */
  private readonly instances = new Map<string, number>()
  private readonly expiryMs: number
  /** Each agent's facts are written in order: a restore must see the loss it follows. */
  private readonly writing = new Map<string, Promise<void>>()

  constructor(private readonly options: PresenceFloorOptions) {
    this.expiryMs = options.expiryMs ?? PRESENCE_EXPIRY_MS
  }

  /** Every entry a predicate admits: a lead's floor when they connect. */
  entries(visible: (teamId: string) => boolean): FloorEntry[] {
    const out: FloorEntry[] = []
    for (const { entry } of this.known.values()) if (visible(entry.teamId)) out.push(entry)
    return out
  }

  /** One agent's entry as this instance knows it (every instance holds the whole floor). */
  entry(agentId: string): FloorEntry | null {
    return this.known.get(agentId)?.entry ?? null
  }

  /** A frame from a desk connected here. */
  heard(agentId: string, teamId: string, presence: DeskPresence): void {
    const now = this.options.now()
    const before = this.known.get(agentId)
    const entry: FloorEntry = {
      agentId,
      teamId,
      status: 'live',
      heardAt: new Date(now).toISOString(),
      presence
    }
    this.known.set(agentId, { entry, owner: this.options.instanceId, heardMs: now })
    const changed =
      !before ||
      before.entry.status !== 'live' ||
      before.owner !== this.options.instanceId ||
      !sameShown(before.entry.presence, presence)
    if (!changed) return
    this.publish(entry)
    // A desk unknown here may have been lost before this instance started: the fact decides.
    if (!before || before.entry.status === 'lost') {
      this.fact(agentId, () =>
        this.options.facts.connectionRestored({
          id: derivedId(agentId, 'restored', entry.heardAt),
          agentId,
          teamId,
          presence,
          since: entry.heardAt
        })
      )
    }
  }

  /** The agent signed out: offline, not lost. */
  left(agentId: string): void {
    const known = this.known.get(agentId)
    if (!known) return
    const entry: FloorEntry = {
      ...known.entry,
      status: 'offline',
      heardAt: new Date(this.options.now()).toISOString()
    }
    this.known.set(agentId, { ...known, entry, owner: this.options.instanceId })
    this.publish(entry)
  }

  /** A notice from another instance (this instance's own are ignored). */
  noticed(notice: FloorNotice): void {
    const now = this.options.now()
    if (notice.kind === 'instance' || notice.kind === 'hello') {
      if (notice.id === this.options.instanceId) return
      this.instances.set(notice.id, now)
      if (notice.kind === 'hello') this.republishOwned()
      return
    }
    if (notice.owner === this.options.instanceId) return
    this.instances.set(notice.owner, now)
    const before = this.known.get(notice.entry.agentId)
    // Instances' clocks agree closely; an older entry than ours is a late notice.
    if (before && before.entry.heardAt > notice.entry.heardAt) return
    this.known.set(notice.entry.agentId, { entry: notice.entry, owner: notice.owner, heardMs: now })
    this.options.onChange(notice.entry)
  }

  /** Ages the desks this instance answers for; run every second. */
  sweep(): void {
    const now = this.options.now()
    for (const [id, seen] of this.instances) {
      if (now - seen > this.expiryMs) this.instances.delete(id)
    }
    for (const known of this.known.values()) {
      if (known.entry.status !== 'live') {
        // A lead's floor keeps the roster from the directory; an old ending is not news.
        if (now - known.heardMs > FORGET_AFTER_MS) this.known.delete(known.entry.agentId)
        continue
      }
      const mine = known.owner === this.options.instanceId
      // Another instance's desk is aged here only once that instance has gone silent.
      if (!mine && this.instances.has(known.owner)) continue
      if (now - known.heardMs <= this.expiryMs) continue
      const entry: FloorEntry = { ...known.entry, status: 'lost' }
      this.known.set(entry.agentId, { ...known, entry, owner: this.options.instanceId })
      this.publish(entry)
      this.fact(entry.agentId, () =>
        this.options.facts.connectionLost({
          id: derivedId(entry.agentId, 'lost', entry.heardAt),
          agentId: entry.agentId,
          teamId: entry.teamId,
          since: entry.heardAt
        })
      )
    }
  }

  /** This instance's beat to the others; run every few seconds. */
  beat(): void {
    this.options.broadcast?.({ kind: 'instance', id: this.options.instanceId })
  }

  /** Asks the other instances for their desks (at start). */
  greet(): void {
    this.options.broadcast?.({ kind: 'hello', id: this.options.instanceId })
  }

  get size(): number {
    return this.known.size
  }

  private republishOwned(): void {
    for (const known of this.known.values()) {
      if (known.owner === this.options.instanceId) {
        this.options.broadcast?.({
          kind: 'entry',
          owner: this.options.instanceId,
          entry: known.entry
        })
      }
    }
  }

  private publish(entry: FloorEntry): void {
    this.options.onChange(entry)
    this.options.broadcast?.({ kind: 'entry', owner: this.options.instanceId, entry })
  }

  private fact(agentId: string, write: () => Promise<void>): void {
    const next = (this.writing.get(agentId) ?? Promise.resolve())
      .then(write)
      .catch(this.options.onError)
    this.writing.set(agentId, next)
    void next.then(() => {
      if (this.writing.get(agentId) === next) this.writing.delete(agentId)
    })
  }
}
