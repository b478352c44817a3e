import { describe, expect, it } from 'vitest'

import {
  customerTurn,
  initialCustomerState,
  type CustomerContext,
  type CustomerState,
  type PracticeEvent
} from '@shared/practice'
import { sample } from './support'

const retention = { ...sample('retention-objections'), language: 'es' } as const
const winBack = { ...sample('win-back-high-value'), language: 'en' } as const

/** Plays events in order; returns each turn's lines and the final state. */
function play(context: CustomerContext, events: PracticeEvent[]) {
  let state: CustomerState = initialCustomerState()
  const said: string[][] = []
  for (const event of events) {
    const turn = customerTurn(context, state, event)
    said.push(turn.lines)
    state = turn.state
  }
  return { said, state }
}

describe("the simulated customer's turns", () => {
  it('says the next line after the right answer, and nothing about the answer itself', () => {
    const { said } = play(retention, [
      { type: 'entered', nodeId: 'consent' },
      { type: 'answered', nodeId: 'consent', value: true },
      { type: 'entered', nodeId: 'satisfaction' }
    ])
    expect(said).toEqual([
      ['Vale, siga.'],
      [],
      ['Un siete, más o menos.', 'Aunque, la verdad, me parece caro para lo que es.']
    ])
  })

  it('reacts to a wrong answer, but never to free text in the trainee’s words', () => {
    const wrong = customerTurn(retention, initialCustomerState(), {
      type: 'answered',
      nodeId: 'satisfaction',
      value: 3
    })
    expect(wrong.lines).toEqual(['No, eso no es lo que he dicho.'])
    expect(wrong.reactions).toEqual(['wrong_answer'])
    const survey = { ...sample('survey-csat-nps'), language: 'en' } as const
    const text = customerTurn(survey, initialCustomerState(), {
      type: 'answered',
      nodeId: 'detractor-reason',
      value: 'They were late'
    })
    expect(text.lines).toEqual([])
  })

  it("says the scenario's reaction when the trainee takes a wrong branch", () => {
    const turn = customerTurn(retention, initialCustomerState(), {
      type: 'entered',
      nodeId: 'retention-offer'
    })
    expect(turn.reactions).toEqual(['wrong_branch'])
    expect(turn.lines).toEqual(['No sé a qué viene esto ahora.'])
  })

  it('raises an objection, insists until its jump is taken, and settles on the way back', () => {
    const { said, state } = play(retention, [
      { type: 'entered', nodeId: 'satisfaction' },
      { type: 'entered', nodeId: 'cross-sell' },
      { type: 'jumped', jumpId: 'objection-price' },
      { type: 'entered', nodeId: 'objection-price' },
      { type: 'entered', nodeId: 'objection-price-check' },
      { type: 'entered', nodeId: 'objection-price-back' },
      { type: 'returned' },
      { type: 'entered', nodeId: 'satisfaction' }
    ])
    expect(said[1]).toEqual(['Aunque, la verdad, me parece caro para lo que es.'])
    expect(said[2]).toEqual([])
    expect(said[3]).toEqual([])
    expect(said[4]).toEqual(['Sí, me vale.'])
    expect(said[6]).toEqual(['Bueno, eso cambia las cosas.'])
    // Back at the step where it was raised, the settled objection is not raised again.
    expect(said[7]).toEqual(['Un siete, más o menos.'])
    expect(state).toEqual({
      pendingObjection: null,
      jumps: [],
      handling: null,
      settledAt: ['satisfaction'],
      compensation: 'none'
    })
  })

  it('keeps an objection pending when the trainee takes another jump', () => {
    const { state } = play(retention, [
      { type: 'entered', nodeId: 'satisfaction' },
      { type: 'jumped', jumpId: 'objection-time' }
    ])
    expect(state.pendingObjection).toEqual({ jumpId: 'objection-price', nodeId: 'satisfaction' })
  })

  it('answers the offer as the scenario says', () => {
    const turn = customerTurn(retention, initialCustomerState(), {
      type: 'offered',
      nodeId: 'cross-sell',
      product: 'FIBER-1G'
    })
    expect(turn.lines).toEqual(['Si el primer mes es gratis, lo pruebo.'])
  })

  it('refuses a compensation above the stated amount, asks for more below, takes it between', () => {
    const offer = (amount: number) =>
      customerTurn(winBack, initialCustomerState(), { type: 'compensation', amount })
    expect(offer(150)).toMatchObject({
      lines: ['Can you really give me that? I will not believe it until I see it.'],
      state: { compensation: 'too_high' }
    })
    expect(offer(100.01).state.compensation).toBe('too_high')
    expect(offer(20)).toMatchObject({
      lines: ['Is that all? You charged me much more than that.'],
      state: { compensation: 'too_low' }
    })
    expect(offer(100)).toMatchObject({
      lines: ['All right, with that credit I will stay.'],
      state: { compensation: 'accepted' }
    })
  })

  it('notices a skipped mandatory line', () => {
    const turn = customerTurn(retention, initialCustomerState(), {
      type: 'skippedMandatory',
      nodeId: 'disclosure'
    })
    expect(turn.lines).toEqual(['Oiga, ¿esta llamada se está grabando?'])
  })

  it('is deterministic and speaks the call’s language', () => {
    const event = { type: 'entered', nodeId: 'intro' } as const
    const es = customerTurn(retention, initialCustomerState(), event)
    expect(customerTurn(retention, initialCustomerState(), event)).toEqual(es)
    expect(
      customerTurn({ ...retention, language: 'en' }, initialCustomerState(), event).lines
    ).toEqual(['Yes, go ahead.'])
  })
})
