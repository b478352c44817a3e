/**
 * The worker's sync contract: its status, the writes that need the agent's attention, and
 * the requests about them.
 */
import type { DeskPresence } from '../../presence/presence'
import type { Change } from '../../sync/protocol'
import type { AppError } from '../errors'

export interface SyncStatus {
  /** Local writes not yet acknowledged by the server. */
  pending: number
  /** Local writes the server refused; each is shown with its reason. */
  rejected: number
  /**
   * Local writes the server kept failing (not an outage): left aside until "sync now" so the
   * ones behind them flow on, except those naming a record a stuck one creates.
   */
  stuck: number
  /** Why the oldest stuck write failed, as the server last answered. */
  stuckReason: AppError | null
  lastSyncAt: string | null
  lastError: AppError | null
  cursor: number
  /** True while the realtime channel is connected. */
  isLive: boolean
}

export type LocalSyncState = 'pending' | 'synced' | 'rejected'

/**
 * A local write that needs the agent's attention: refused by the server (or stored by an older
 * version and unreadable by this build), or stuck after repeated failed answers. Every rejected
 * and stuck count of {@link SyncStatus} is one of these.
 */
export interface SyncProblem {
  mutationId: string
  /** The mutation's name as stored: one an older version wrote may be unknown to this build. */
  name: string
  /** Rejected: discard it (or fix it where its view offers that). Stuck: "sync now" retries it. */
  state: 'rejected' | 'stuck'
  /** Why, as stored: the server's answer, or why this build could not read it. */
  reason: AppError
  /** Stored by an older version and unreadable by this build: it can only be discarded. */
  unreadable: boolean
  /**
   * A short single-line hint from its args (a complaint's description, a contact's name, a call's
   * number), cleaned of control characters; it came from a person or a caller: text only.
   */
  summary: string | null
  /** When it was written, by its args (ISO 8601); null when they hold no readable time. */
  at: string | null
}

/** The kinds of rows sync moves, as named in pulled changes. */
export type SyncEntity = Change['entity']

/** Sync's status, a pass now, and the writes that need attention. */
export interface SyncRequests {
  'sync:status': (args: Record<string, never>) => SyncStatus
  'sync:now': (args: Record<string, never>) => SyncStatus
  /**
   * The rejected and stuck writes, oldest first, at most `limit` (default 50); `total` counts
   * them all.
   */
  'sync:problems': (args: { limit?: number | undefined }) => {
    problems: SyncProblem[]
    total: number
  }
  /**
   * Discards one rejected write (never a pending or stuck one) and the local record it created,
   * when that record is flagged rejected (a synced record is never removed). False when it is not
   * (or no longer) rejected.
   */
  'sync:discard': (args: { mutationId: string }) => { discarded: boolean }
  /**
   * The desk's live presence for its team's leads: sent on the realtime socket now, as the
   * heartbeat, and on every reconnection. Ephemeral: never journaled, never pushed.
   */
  'presence:publish': (args: DeskPresence) => Record<string, never>
  /** The agent signs out: the floor shows them offline rather than lost. */
  'presence:leave': (args: Record<string, never>) => Record<string, never>
}
