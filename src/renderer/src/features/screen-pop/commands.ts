/**
 * Screen pop commands: tell who is calling on ring (a colleague from the directory, else the
 * customer), open a customer found by search, and quick-create an unknown caller. Matching runs
 * in the data worker (cache first, then the server); the page only moves the store.
 */
import type { CustomerMatch, NewCustomerInput } from '@shared/contract/worker'
import { ctiIdsFrom } from '@shared/domain/cti-headers'
import type { Customer } from '@shared/domain/customer'
import { customerFromCreateArgs } from '@shared/domain/customer-create'
import type { DirectoryEntry } from '@shared/domain/directory'
import { classifyIncomingCall, type CallParty } from '@shared/domain/incoming-call'
import { dataClient } from '@renderer/data/data-client'
import type { DataClient } from '@renderer/data/worker-client'
import { useAppStore } from '../../stores/app-store'
import type { CallInfo } from '../../telephony/call-session'
import { ctiHeaderNames, defaultCountry } from '@renderer/settings/caller-id-settings'

const noMatch: CustomerMatch = { matchedBy: 'none', normalizedNumber: null, customers: [] }

/** Who the other party of a call is, as the card shows it. */
export type CallerMatch = CallParty<CustomerMatch>

/**
 * The colleague the call's remote party is (by extension or SIP address, from the local copy of
 * the directory), or null. A practice call plays a persona: never a colleague.
 */
async function colleagueOf(info: CallInfo, client: DataClient): Promise<DirectoryEntry | null> {
  if (info.kind !== 'sip') return null
  const result = await client.send('directory:lookup', {
    user: info.remoteNumber,
    host: info.remoteHost ?? null
  })
  return result.ok ? (result.data.colleague ?? null) : null
}

/**
 * Tells who is calling (docs/telephony.md, "Who is calling"): asks the data worker for the
 * colleague and the customer at once, so the ring waits for neither in turn; a colleague answers
 * at once (the customer's answer is then not used), anyone else gets the customer's match (cache
 * first, then the server; no match on failure). Null when there is no data worker.
 */
export function lookUpCaller(
  info: CallInfo,
  client: DataClient | null = dataClient()
): Promise<CallerMatch> | null {
  // A practice call plays its scenario's persona: no customer lookup, no directory.
  const persona = info.practice?.scenario.persona ?? null
  if (persona) {
    return Promise.resolve(
      classifyIncomingCall({ practicePersona: persona, colleague: null, customer: noMatch })
    )
  }
  if (!client) return null
  const customer = client
    .send('customer:match', {
      callerNumber: info.remoteNumber,
      ctiCustomerId: null,
      ctiIds: ctiIdsFrom(info.ctiHeaders, ctiHeaderNames()),
      defaultCountry: defaultCountry()
    })
    .then((result) => (result.ok ? result.data : noMatch))
  return colleagueOf(info, client).then(async (colleague) => {
    // A SIP call is never practice until role-play verifies a server-issued session (monitoring
    // never reaches here: sip-user-agent.ts).
    const party = classifyIncomingCall({
      practicePersona: null,
      colleague,
      customer
    })
    if (party.kind !== 'customer') return party
    return { kind: 'customer', match: await party.match }
  })
}

function showParty(callId: string, party: CallerMatch): void {
  const store = useAppStore.getState()
  if (party.kind === 'colleague') store.popColleague(callId, party.colleague)
  else if (party.kind === 'customer') store.popMatched(callId, party.match)
  else store.popPersona(callId, party.persona)
}

/**
 * Puts a lookup on the card: the party when it is already known (the ring waited for it), else
 * "looking" now and the party when it answers.
 */
export function showLookup(
  callId: string,
  lookup: Promise<CallerMatch> | null,
  known?: CallerMatch
): void {
  const store = useAppStore.getState()
  store.popLookupStarted(callId)
  if (known) showParty(callId, known)
  else if (lookup) {
    void lookup.then((party) => {
      showParty(callId, party)
    })
  }
}

/** Shows a customer's card outside a call (from search), or on top of the current pop. */
export function openCustomer(customer: Customer): void {
  useAppStore.getState().popCustomerOpened(customer)
}

/**
 * Quick-create: journaled in the worker, synced as `customer.create`; the card shows it. On a
 * practice call the contact stays on the card only: a practice contact must never become a
 * customer a real ring or search could find (its records name the persona).
 */
export async function createContact(input: NewCustomerInput): Promise<string | null> {
  if (useAppStore.getState().screenPop.persona) {
    const now = new Date().toISOString()
    const args = { ...input, id: crypto.randomUUID(), createdAt: now }
    useAppStore.getState().popCustomerCreated(customerFromCreateArgs(args))
    return null
  }
  const client = dataClient()
  if (!client) return 'offline'
  const result = await client.send('customer:create', input)
  if (!result.ok) return result.error.message
  useAppStore.getState().popCustomerCreated(result.data.customer)
  return null
}
