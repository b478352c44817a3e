import type { StateCreator } from 'zustand'

import type { CustomerMatch } from '../../../../shared/contract/worker'
import type { Customer } from '../../../../shared/domain/customer'
import type { AppState } from '../../stores/app-store'

export type ScreenPopStatus = 'idle' | 'looking' | 'done'

export interface ScreenPopSlice {
  screenPop: {
    status: ScreenPopStatus
    callId: string | null
    match: CustomerMatch | null
    /** The customer the card shows: the only match, or the one the agent chose. */
    customer: Customer | null
  }
  popLookupStarted: (callId: string) => void
  popMatched: (callId: string, match: CustomerMatch) => void
  popCustomerChosen: (customerId: string) => void
  popCleared: () => void
}

export const createScreenPopSlice: StateCreator<AppState, [], [], ScreenPopSlice> = (set, get) => ({
  screenPop: { status: 'idle', callId: null, match: null, customer: null },
  popLookupStarted: (callId) => {
    set({ screenPop: { status: 'looking', callId, match: null, customer: null } })
  },
  popMatched: (callId, match) => {
    // A late answer for a previous call must not replace the current caller's card.
    if (get().screenPop.callId !== callId) return
    const only = match.customers.length === 1 ? (match.customers[0] ?? null) : null
    set({ screenPop: { status: 'done', callId, match, customer: only } })
  },
  popCustomerChosen: (customerId) => {
    const pop = get().screenPop
    const chosen = pop.match?.customers.find((c) => c.id === customerId) ?? null
    set({ screenPop: { ...pop, customer: chosen } })
  },
  popCleared: () => {
    set({ screenPop: { status: 'idle', callId: null, match: null, customer: null } })
  }
})
