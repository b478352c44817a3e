/** The interaction capability's mutations: a call's record. */
import type { MutationSlice } from '../sync/mutation-slice'
import { applyInteractionRecord } from './interaction-record'

export const interactionMutations: MutationSlice<'interaction'> = {
  'interaction.record': ({ tx, claims }, m) => applyInteractionRecord(tx, claims, m.args)
}
