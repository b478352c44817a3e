/**
 * Callbacks as the worker keeps them, and the requests to schedule, complete and list them.
 */
import type {
  CallbackScheduleArgs,
  CallbackScheduleInput,
  CallbackStatus
} from '../../domain/callback'
import type { LocalSyncState } from './sync'

/** A callback as the local store keeps it: the server's row, or this user's own not yet back. */
export interface LocalCallback extends CallbackScheduleArgs {
  status: CallbackStatus
  completedAt: string | null
  /** Pending while this user's schedule or completion waits for the server. */
  syncState: LocalSyncState
}

/** The callback requests. */
export interface CallbackRequests {
  /** Journals a callback (assigned to this user unless `assigneeId` says otherwise) for sync. */
  'callback:schedule': (args: CallbackScheduleInput) => { callback: LocalCallback }
  /** Marks a callback done (journaled, synced as `callback.complete`). */
  'callback:complete': (args: { id: string }) => { callback: LocalCallback }
  /** Open callbacks assigned to this user, soonest first. */
  'callback:mine': (args: { limit: number }) => { callbacks: LocalCallback[] }
}
