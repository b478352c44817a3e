/** What a lead's floor gets from the desk's store: the state, the call and its customer, the hand. */
import { beforeEach, describe, expect, it } from 'vitest'

import type { Customer } from '@shared/domain/customer'
import { deskPresenceOf } from '@renderer/features/presence'
import { resetAppStore, useAppStore } from '@renderer/stores/app-store'

const memory = { since: '2026-12-06T10:00:00.000Z', lastMissedCallAt: null }
const now = new Date('2026-12-06T10:05:00.000Z')

const customer: Customer = {
  id: '00000000-0000-4000-8000-0000000000c1',
  externalRef: 'CUST-1',
  firstName: 'José',
  lastName: 'Núñez',
  documentId: null,
  phones: [],
  emails: [],
  preferredLanguage: 'es',
  tier: 'high_yield',
  recencyDays: 3,
  frequency12m: 4,
  monetary12m: 1200,
  lifetimeValue: 9000,
  products: [],
  doNotCall: false,
  notes: '',
  updatedAt: '2026-12-01T00:00:00.000Z'
}

function ring(id: string) {
  useAppStore.getState().callRinging({
    id,
    kind: 'sip',
    direction: 'inbound',
    remoteNumber: '600111222',
    remoteDisplayName: 'Pepe',
    ctiHeaders: {},
    startedAt: '2026-12-06T10:04:00.000Z'
  })
}

describe('deskPresenceOf', () => {
  beforeEach(() => {
    resetAppStore()
  })

  it('is the agent state with no call while idle', () => {
    useAppStore.getState().agentReady()
    const p = deskPresenceOf(useAppStore.getState(), memory, now)
    expect(p).toMatchObject({ state: 'ready', call: null, script: null, handRaisedAt: null })
    expect(p.sentAt).toBe(now.toISOString())
  })

  it('shows the ringing call with the customer the card popped', () => {
    ring('c1')
    useAppStore.getState().popLookupStarted('c1')
    useAppStore.getState().popMatched('c1', {
      matchedBy: 'phone',
      normalizedNumber: '+34600111222',
      customers: [customer]
    })
    const p = deskPresenceOf(useAppStore.getState(), memory, now)
    expect(p.state).toBe('on_call')
    expect(p.call).toMatchObject({
      id: 'c1',
      phase: 'ringing',
      party: 'customer',
      name: 'José Núñez',
      valueTier: 'high_yield',
      customerId: customer.id,
      answeredAt: null
    })
  })

  it('names the caller as signalled until a card pops, and says a pause follows the call', () => {
    ring('c2')
    useAppStore.getState().agentNotReady('break')
    const p = deskPresenceOf(useAppStore.getState(), memory, now)
    expect(p.call).toMatchObject({ party: 'unknown', name: 'Pepe', valueTier: null })
    expect(p).toMatchObject({ state: 'on_call', pauseReason: null, pauseAfterCall: 'break' })
  })

  it('carries a raised hand', () => {
    useAppStore.getState().handRaised('2026-12-06T10:03:00.000Z')
    expect(deskPresenceOf(useAppStore.getState(), memory, now).handRaisedAt).toBe(
      '2026-12-06T10:03:00.000Z'
    )
  })
})
