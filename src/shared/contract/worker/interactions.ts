/**
 * Call records as the worker keeps them, and the requests to write and list them.
 */
import type { InteractionRecordArgs } from '../../domain/interaction'
import type { LocalSyncState } from './sync'

/** A call as the local store keeps it, pending until the server acknowledged it. */
export interface LocalInteraction extends InteractionRecordArgs {
  syncState: LocalSyncState
  /**
   * Whose call it is, from the server's copy (a lead's desk holds the team's calls); null on a
   * call this desk recorded that has not come back from the server yet (this user's own).
   */
  agentId: string | null
}

/** The call record requests. */
export interface InteractionRequests {
  /** Journals a finished call (durable before it resolves) for sync. */
  'interaction:record': (args: Omit<InteractionRecordArgs, 'id'>) => {
    interaction: LocalInteraction
  }
  /** The latest calls, for one customer (the card) or for everyone. */
  'interaction:list': (args: { customerId: string | null; limit: number }) => {
    interactions: LocalInteraction[]
  }
}
