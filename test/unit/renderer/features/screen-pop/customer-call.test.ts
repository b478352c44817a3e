/**
 * Which calls serve a customer here (a script to follow, an outcome to record): one rule for the
 * script watcher, the wrap-up guard and the wrap-up form.
 */
import { describe, expect, it } from 'vitest'

import { servesCustomer } from '@renderer/features/screen-pop'
import { sample } from '../../../shared/practice/support'

const { scenario } = sample('retention-objections')
const practice = (role: 'trainee' | 'trainer') => ({
  scenarioId: 'retention-objections',
  scenarioVersion: 1,
  scenario,
  roleplay: { id: '6f0c1c1e-4b7a-4d55-9a59-0a4f3c2b1d10', trainerName: 'Tomás Vidal', role }
})
const card = (callId: string | null, colleague: boolean) => ({
  screenPop: { callId, colleague: colleague ? { userId: 'u', displayName: 'Bruno' } : null }
})

describe('a call that serves a customer', () => {
  it('is a customer call, a solo practice call, and the trainee side of a role-play', () => {
    const state = card('c1', false) as never
    expect(servesCustomer(state, { id: 'c1' })).toBe(true)
    expect(servesCustomer(state, { id: 'c1', practice: { ...practice('trainee') } })).toBe(true)
    const solo = { scenarioId: 'retention-objections', scenarioVersion: 1, scenario }
    expect(servesCustomer(state, { id: 'c1', practice: solo })).toBe(true)
  })

  it('is not a call with a colleague, nor the trainer side of a role-play', () => {
    expect(servesCustomer(card('c1', true) as never, { id: 'c1' })).toBe(false)
    // The card is about another call: this one is still a customer's.
    expect(servesCustomer(card('c2', true) as never, { id: 'c1' })).toBe(true)
    expect(
      servesCustomer(card('c1', false) as never, { id: 'c1', practice: practice('trainer') })
    ).toBe(false)
  })
})
