/** A finished call, journaled through the store for sync (`interaction.record`). */
import type { LocalInteraction } from '@shared/contract/worker'
import type { InteractionRecordArgs } from '@shared/domain/interaction'

import type { LocalStore } from '../store/local-store'
import { getInteraction } from './rows'

/** Journals, applies and acknowledges a finished call. */
export async function recordInteraction(
  store: LocalStore,
  input: Omit<InteractionRecordArgs, 'id'>
): Promise<LocalInteraction> {
  const args = { id: store.newId(), ...input }
  await store.write({ id: store.newId(), name: 'interaction.record', args })
  const interaction = getInteraction(store.db, args.id)
  if (interaction === null) throw new Error('interaction vanished after insert')
  return interaction
}
