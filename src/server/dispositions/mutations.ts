/** The disposition capability's mutations: how a call ended. */
import type { MutationSlice } from '../sync/mutation-slice'
import { applyDispositionRecord } from './disposition-record'

export const dispositionMutations: MutationSlice<'disposition'> = {
  'disposition.record': ({ tx, claims }, m) => applyDispositionRecord(tx, claims, m.args)
}
