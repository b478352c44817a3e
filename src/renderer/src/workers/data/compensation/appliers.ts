/** How compensation grants, decisions and pulled compensations land in the store. */
import { pulledRecord, type MutationSlice, type PulledSlice } from '../store/apply-tables'
import {
  applyLocalCompensationDecide,
  applyLocalCompensationGrant,
  hasCompensation,
  isCompensationDecisionQueued,
  upsertServerCompensation
} from './rows'

export const compensationMutations: MutationSlice<'compensation.grant' | 'compensation.decide'> = {
  applied: {
    'compensation.grant': (db, m) => hasCompensation(db, m.args.id),
    'compensation.decide': (db, m) => isCompensationDecisionQueued(db, m.id)
  },
  apply: {
    'compensation.grant': applyLocalCompensationGrant,
    'compensation.decide': applyLocalCompensationDecide
  }
}

export const compensationPulled: PulledSlice<'compensation'> = {
  compensation: pulledRecord(upsertServerCompensation)
}
