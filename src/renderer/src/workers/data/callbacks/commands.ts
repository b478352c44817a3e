/** Scheduling a callback and marking it made, journaled through the store for sync. */
import type { LocalCallback } from '@shared/contract/worker'
import type { CallbackScheduleInput } from '@shared/domain/callback'

import { workerError } from '../runtime/worker-error'
import type { LocalStore } from '../store/local-store'
import { getCallback } from './rows'

/** Journals a callback, assigned to `userId` unless the input names someone else. */
export async function scheduleCallback(
  store: LocalStore,
  input: CallbackScheduleInput,
  userId: string
): Promise<LocalCallback> {
  const args = {
    ...input,
    id: store.newId(),
    assigneeId: input.assigneeId ?? userId,
    createdAt: store.now().toISOString()
  }
  await store.write({ id: store.newId(), name: 'callback.schedule', args })
  const callback = getCallback(store.db, args.id)
  if (callback === null) throw new Error('callback vanished after insert')
  return callback
}

/** Journals that a callback was made; it shows as done at once. */
export async function completeCallback(store: LocalStore, id: string): Promise<LocalCallback> {
  if (getCallback(store.db, id) === null) throw workerError('not_found', 'Unknown callback')
  const args = { id, completedAt: store.now().toISOString() }
  await store.write({ id: store.newId(), name: 'callback.complete', args })
  const callback = getCallback(store.db, id)
  if (callback === null) throw new Error('callback vanished after completion')
  return callback
}
