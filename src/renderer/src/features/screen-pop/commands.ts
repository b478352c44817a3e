/**
 * Screen pop commands: match the caller on ring, open a customer found by search, and
 * quick-create an unknown caller. Matching runs in the data worker (cache first, then the
 * server); the page only moves the store.
 */
import type { CustomerMatch, NewCustomerInput } from '@shared/contract/worker'
import { ctiIdsFrom } from '@shared/domain/cti-headers'
import type { Customer } from '@shared/domain/customer'
import { dataClient } from '@renderer/data/data-client'
import type { DataClient } from '@renderer/data/worker-client'
import { useAppStore } from '../../stores/app-store'
import type { CallInfo } from '../../telephony/call-session'
import { ctiHeaderNames, defaultCountry } from '@renderer/settings/caller-id-settings'

const noMatch: CustomerMatch = { matchedBy: 'none', normalizedNumber: null, customers: [] }

/**
 * Sends the caller's lookup to the data worker (cache first, then the server); resolves with
 * its answer, no match on failure. Null when there is no data worker.
 */
export function lookUpCaller(
  info: CallInfo,
  client: DataClient | null = dataClient()
): Promise<CustomerMatch> | null {
  const pending = client?.send('customer:match', {
    callerNumber: info.remoteNumber,
    ctiCustomerId: null,
    ctiIds: ctiIdsFrom(info.ctiHeaders, ctiHeaderNames()),
    defaultCountry: defaultCountry()
  })
  return pending ? pending.then((result) => (result.ok ? result.data : noMatch)) : null
}

/**
 * Puts a lookup on the card: the match when it is already known (the ring waited for it),
 * else "looking" now and the match when it answers.
 */
export function showLookup(
  callId: string,
  lookup: Promise<CustomerMatch> | null,
  known?: CustomerMatch
): void {
  const store = useAppStore.getState()
  store.popLookupStarted(callId)
  if (known) store.popMatched(callId, known)
  else if (lookup) {
    void lookup.then((match) => {
      useAppStore.getState().popMatched(callId, match)
    })
  }
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
