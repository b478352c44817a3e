import type { StateCreator } from 'zustand'

import type { CustomerMatch } from '@shared/contract/worker'
import type { Customer } from '@shared/domain/customer'
import type { DirectoryEntry } from '@shared/domain/directory'
import { personaAsCustomer, type Persona } from '@shared/practice'
import type { AppState } from '../../stores/app-store'

export type ScreenPopStatus = 'idle' | 'looking' | 'done'

/** Why the card shows who it shows: matched on a call, quick-created, or opened from search. */
export type ScreenPopSource = 'call' | 'created' | 'search'

export interface ScreenPopSlice {
  screenPop: {
    status: ScreenPopStatus
    callId: string | null
    match: CustomerMatch | null
    /** The customer the card shows: the only match, or the one the agent chose. */
    customer: Customer | null
    source: ScreenPopSource
    /**
     * The colleague on the call (`callId`), matched from the directory: the card shows who they
     * are, and no customer script, disposition or customer figure follows (docs/telephony.md).
     */
    colleague: DirectoryEntry | null
    /**
     * The persona of the practice call `callId`: the card shows it (as `customer`, in the shape
     * the card and scripts read), and records name it instead of a customer.
     */
    persona: Persona | null
  }
  popLookupStarted: (callId: string) => void
  popMatched: (callId: string, match: CustomerMatch) => void
  /** The call `callId` is with a colleague. */
  popColleague: (callId: string, colleague: DirectoryEntry) => void
  /** The practice call `callId` plays `persona`. */
  popPersona: (callId: string, persona: Persona) => void
  popCustomerChosen: (customerId: string) => void
  /** A contact quick-created for the current caller: the card shows it, the match stays. */
  popCustomerCreated: (customer: Customer) => void
  /** A customer opened from search; during a call the call's match is kept to go back to. */
  popCustomerOpened: (customer: Customer) => void
  popCleared: () => void
}

/** Whether the call `callId` is with a colleague, as its card says (false while it is looked up). */
export function isColleagueCall(state: Pick<AppState, 'screenPop'>, callId: string): boolean {
  return state.screenPop.callId === callId && state.screenPop.colleague !== null
}

const idle: ScreenPopSlice['screenPop'] = {
  status: 'idle',
  callId: null,
  match: null,
  customer: null,
  source: 'call',
  colleague: null,
  persona: null
}

/**
 * The customer a record of the current call names: none on a practice call (its records name the
 * persona, see practice-mark.ts), else the card's customer.
 */
export function recordCustomerId(pop: ScreenPopSlice['screenPop']): string | null {
  return pop.persona ? null : (pop.customer?.id ?? null)
}

export const createScreenPopSlice: StateCreator<AppState, [], [], ScreenPopSlice> = (set, get) => ({
  screenPop: idle,
  popLookupStarted: (callId) => {
    set({ screenPop: { ...idle, status: 'looking', callId } })
  },
  popMatched: (callId, match) => {
    // A late answer for a previous call must not replace the current caller's card.
    if (get().screenPop.callId !== callId) return
    const only = match.customers.length === 1 ? (match.customers[0] ?? null) : null
    set({ screenPop: { ...idle, status: 'done', callId, match, customer: only } })
  },
  popPersona: (callId, persona) => {
    if (get().screenPop.callId !== callId) return
    const customer = persona.onFile ? personaAsCustomer(persona, new Date().toISOString()) : null
    set({ screenPop: { ...idle, status: 'done', callId, customer, persona } })
  },
  popColleague: (callId, colleague) => {
    if (get().screenPop.callId !== callId) return
    set({ screenPop: { ...idle, status: 'done', callId, colleague } })
  },
  popCustomerChosen: (customerId) => {
    const pop = get().screenPop
    const chosen = pop.match?.customers.find((c) => c.id === customerId) ?? null
    set({ screenPop: { ...pop, customer: chosen, source: 'call' } })
  },
  popCustomerCreated: (customer) => {
    set({ screenPop: { ...get().screenPop, status: 'done', customer, source: 'created' } })
  },
  popCustomerOpened: (customer) => {
    set({ screenPop: { ...get().screenPop, status: 'done', customer, source: 'search' } })
  },
  popCleared: () => {
    set({ screenPop: idle })
  }
})
