/**
 * Call dispositions (wrap-up codes) as the worker keeps them, and the requests on them.
 */
import type { DispositionInput, DispositionRecordArgs } from '../../domain/disposition'
import type { LocalSyncState } from './sync'

/** A call's disposition as the local store keeps it. */
export interface LocalDisposition extends DispositionRecordArgs {
  syncState: LocalSyncState
}

/** The disposition requests. */
export interface DispositionRequests {
  /**
   * Journals the wrap-up code of a call and syncs it as `disposition.record`. For a production
   * call the worker links the call's interaction record (`not_found` when it has none).
   */
  'disposition:record': (args: DispositionInput) => { disposition: LocalDisposition }
  /** The disposition already given to a call, if any. */
  'disposition:forCall': (args: { callId: string }) => { disposition: LocalDisposition | null }
}
