/** How a quick-created contact lands in the store, on a local write and on replay. */
import type { MutationSlice } from '../store/apply-tables'
import { applyLocalCustomerCreate, hasCustomer } from './rows'

export const customerMutations: MutationSlice<'customer.create'> = {
  applied: { 'customer.create': (db, m) => hasCustomer(db, m.args.id) },
  apply: { 'customer.create': applyLocalCustomerCreate }
}
