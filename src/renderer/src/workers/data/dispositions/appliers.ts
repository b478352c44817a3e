/** How call dispositions, written here or pulled, land in the store. */
import { pulledRecord, type MutationSlice, type PulledSlice } from '../store/apply-tables'
import { applyLocalDisposition, hasDisposition, upsertServerDisposition } from './rows'

export const dispositionMutations: MutationSlice<'disposition.record'> = {
  applied: { 'disposition.record': (db, m) => hasDisposition(db, m.args.id) },
  apply: { 'disposition.record': applyLocalDisposition }
}

export const dispositionPulled: PulledSlice<'disposition'> = {
  disposition: pulledRecord(upsertServerDisposition)
}
