/** Sending a whisper and acknowledging one, journaled through the store for sync. */
import type { LocalWhisper } from '@shared/contract/worker'
import type { WhisperInput } from '@shared/domain/whisper'
import type { Role } from '@shared/domain/user'

import { workerError } from '../runtime/worker-error'
import type { LocalStore } from '../store/local-store'
import { getWhisper } from './rows'

/** Journals a lead's whisper; the server decides again whether this lead may send it. */
export async function sendWhisper(
  store: LocalStore,
  input: WhisperInput,
  role: Role
): Promise<LocalWhisper> {
  if (role !== 'team_lead' && role !== 'admin') {
    throw workerError('forbidden', 'Only team leads and admins whisper to agents')
  }
  const args = { ...input, id: store.newId(), sentAt: store.now().toISOString() }
  await store.write({ id: store.newId(), name: 'whisper.send', args })
  const whisper = getWhisper(store.db, args.id)
  if (whisper === null) throw new Error('whisper vanished after insert')
  return whisper
}

/** Journals that the agent saw a whisper; it leaves the desk's inbox at once. */
export async function acknowledgeWhisper(
  store: LocalStore,
  id: string,
  userId: string
): Promise<LocalWhisper> {
  const current = getWhisper(store.db, id)
  if (current === null || current.agentId !== userId) {
    throw workerError('not_found', 'No such whisper among yours')
  }
  if (current.acknowledgedAt !== null) return current
  const args = { id, acknowledgedAt: store.now().toISOString() }
  await store.write({ id: store.newId(), name: 'whisper.acknowledge', args })
  const whisper = getWhisper(store.db, id)
  if (whisper === null) throw new Error('whisper vanished after acknowledgement')
  return whisper
}
