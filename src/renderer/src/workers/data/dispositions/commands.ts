/** A call's wrap-up code, journaled through the store for sync (`disposition.record`). */
import type { LocalDisposition } from '@shared/contract/worker'
import type { DispositionInput } from '@shared/domain/disposition'

import { workerError } from '../runtime/worker-error'
import type { LocalStore } from '../store/local-store'
import { dispositionForCall, getDisposition, interactionIdOfCall } from './rows'

/**
 * Journals a call's disposition. A production call links its interaction record, written
 * when the call ended; a second disposition for the same call is refused here already.
 */
export async function recordDisposition(
  store: LocalStore,
  input: DispositionInput,
  userId: string
): Promise<LocalDisposition> {
  // The call's record may still be on its way to the journal (the call just ended): writes
  // queued before this one finish first.
  await store.writesSettled()
  if (dispositionForCall(store.db, input.callId, userId)) {
    throw workerError('conflict', 'This call already has a disposition')
  }
  const interactionId = input.practice ? null : interactionIdOfCall(store.db, input.callId)
  if (!input.practice && interactionId === null) {
    throw workerError('not_found', 'The record of this call is missing')
  }
  const args = {
    id: store.newId(),
    ...input,
    interactionId,
    recordedAt: store.now().toISOString()
  }
  await store.write({ id: store.newId(), name: 'disposition.record', args })
  const disposition = getDisposition(store.db, args.id)
  if (disposition === null) throw new Error('disposition vanished after insert')
  return disposition
}
