/**
 * Screen pop commands: match the caller on ring, open a customer found by search, and
 * quick-create an unknown caller. Matching runs in the data worker (cache first, then the
 * server); the page only moves the store.
 */
import type { CustomerMatch, NewCustomerInput } from '../../../../shared/contract/worker'
import { ctiIdsFrom } from '../../../../shared/domain/cti-headers'
import type { Customer } from '../../../../shared/domain/customer'
import { dataClient } from '../../data/data-client'
import { useAppStore } from '../../stores/app-store'
import type { CallInfo } from '../../telephony/call-session'
import { ctiHeaderNames, defaultCountry } from '../settings/caller-id-settings'

const noMatch: CustomerMatch = { matchedBy: 'none', normalizedNumber: null, customers: [] }

/** Runs on ring: the card must be on screen before the agent answers. */
export async function popCustomerFor(info: CallInfo): Promise<void> {
  const client = dataClient()
  const pending = client?.send('customer:match', {
    callerNumber: info.remoteNumber,
    ctiCustomerId: null,
    ctiIds: ctiIdsFrom(info.ctiHeaders, ctiHeaderNames()),
    defaultCountry: defaultCountry()
  })
  useAppStore.getState().popLookupStarted(info.id)
  if (!pending) return
  const result = await pending
  useAppStore.getState().popMatched(info.id, result.ok ? result.data : noMatch)
}

/** Shows a customer's card outside a call (from search), or on top of the current pop. */
export function openCustomer(customer: Customer): void {
  useAppStore.getState().popCustomerOpened(customer)
}

/** Quick-create: journaled in the worker, synced as `customer.create`; the card shows it. */
export async function createContact(input: NewCustomerInput): Promise<string | null> {
  const client = dataClient()
  if (!client) return 'offline'
  const result = await client.send('customer:create', input)
  if (!result.ok) return result.error.message
  useAppStore.getState().popCustomerCreated(result.data.customer)
  return null
}
