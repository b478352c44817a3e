/** The customer capability's mutations: a customer created by an agent. */
import type { MutationSlice } from '../sync/mutation-slice'
import { applyCustomerCreate } from './customer-create'

export const customerMutations: MutationSlice<'customer'> = {
  'customer.create': ({ tx, claims }, m) => applyCustomerCreate(tx, claims, m.args)
}
