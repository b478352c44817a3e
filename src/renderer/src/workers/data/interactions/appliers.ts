/** How call records, written here or pulled, land in the store. */
import { pulledRecord, type MutationSlice, type PulledSlice } from '../store/apply-tables'
import { applyLocalInteraction, hasInteraction, upsertServerInteraction } from './rows'

export const interactionMutations: MutationSlice<'interaction.record'> = {
  applied: { 'interaction.record': (db, m) => hasInteraction(db, m.args.id) },
  apply: { 'interaction.record': applyLocalInteraction }
}

export const interactionPulled: PulledSlice<'interaction'> = {
  interaction: pulledRecord(upsertServerInteraction)
}
