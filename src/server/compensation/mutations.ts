/** The compensation capability's mutations: a grant, and a lead's decision on one. */
import type { MutationSlice } from '../sync/mutation-slice'
import { applyCompensationDecide } from './compensation-decide'
import { applyCompensationGrant } from './compensation-grant'

export const compensationMutations: MutationSlice<'compensation'> = {
  'compensation.grant': ({ tx, claims }, m) => applyCompensationGrant(tx, claims, m.args),
  'compensation.decide': ({ tx, claims }, m) => applyCompensationDecide(tx, claims, m.args)
}
