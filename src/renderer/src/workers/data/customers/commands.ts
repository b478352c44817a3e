/**
 * Writes to the customer cache: a quick-created contact, journaled for sync like any record,
 * and customers the online lookup found, cached like pulled data.
 */
import type { NewCustomerInput } from '@shared/contract/worker'
import type { Customer } from '@shared/domain/customer'
import { customerFromCreateArgs } from '@shared/domain/customer-create'

import type { LocalStore } from '../store/local-store'
import { getCustomer } from './queries'
import { upsertCustomers } from './rows'

/** Journals, applies and acknowledges a quick-created contact (`customer.create`). */
export async function createCustomer(
  store: LocalStore,
  input: NewCustomerInput
): Promise<Customer> {
  const args = { id: store.newId(), ...input, createdAt: store.now().toISOString() }
  await store.write({ id: store.newId(), name: 'customer.create', args })
  return getCustomer(store.db, args.id) ?? customerFromCreateArgs(args)
}

/** Customers the online lookup found: cache data like a pull, without moving the cursor. */
export function cacheCustomers(store: LocalStore, customers: readonly Customer[]): void {
  if (customers.length === 0) {
    store.assertOpen()
    return
  }
  store.cache((db) => {
    upsertCustomers(db, customers)
  })
}
