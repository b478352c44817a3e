/**
 * Offer steps: the agent records whether the customer took the offer (1 accepts, 2 declines) on
 * the step itself; the answer stays on the path and reaches the run record. A step with nothing
 * to offer asks nothing, and the answer never blocks moving on.
 */
import { describe, expect, it } from 'vitest'

import { applyEvent, startRun } from '@shared/scripts/interpreter'
import type { RunContext } from '@shared/scripts/run-context'
import { scriptAnalytics } from '@shared/scripts/run-analytics'
import { runRecordOf } from '@shared/scripts/run-record'
import type { RunSuccess } from '@shared/scripts/run-result'
import type { RunEvent } from '@shared/scripts/run-state'
import { context, customer, expectOk, scriptFrom } from './support'

const script = scriptFrom(`
id: offer-steps
version: 1
title: { es: Ofertas, en: Offers }
start: offer
dispositions:
  - { code: done, label: { es: Hecho, en: Done } }
nodes:
  - id: offer
    kind: action
    text: { es: Ofrezca la tarifa móvil., en: Offer the mobile plan. }
    action: { type: offer_product, product: next_best_offer }
    next: transfer
  - id: transfer
    kind: action
    action: { type: transfer, number: '+34910000123' }
    next: end
  - id: end
    kind: end
    outcome: done
`)

function run(events: RunEvent[], ctx: Partial<RunContext> = {}): RunSuccess {
  let at = 0
  const tick = (): RunContext => context(`10:00:${String(at++).padStart(2, '0')}`, ctx)
  let result = expectOk(startRun(script, tick()))
  for (const event of events) result = expectOk(applyEvent(script, result.state, event, tick()))
  return result
}

describe('offer steps', () => {
  it('ask accept or decline, in the run language, for the offered product', () => {
    const { view, effects } = run([])
    expect(effects.map((e) => e.effect)).toEqual([
      { type: 'offer_product', productCode: 'MOB-PLUS', customerId: customer().id }
    ])
    expect(view.step.ask).toEqual({
      type: 'choice',
      options: [
        { index: 1, value: 'accepted', label: 'Acepta la oferta' },
        { index: 2, value: 'declined', label: 'No la acepta' }
      ],
      optional: true,
      answer: null
    })
    expect(run([], { language: 'en' }).view.step.ask?.options[1]?.label).toBe('Declines it')
  })

  it('record the answer on the path and move on with the key', () => {
    const { state, view } = run([{ type: 'chooseOption', index: 1 }])
    expect(view.step.nodeId).toBe('transfer')
    expect(state.path[0]).toMatchObject({ nodeId: 'offer', answer: 'accepted' })
    const declined = run([{ type: 'chooseOption', index: 2 }])
    expect(declined.state.path[0]?.answer).toBe('declined')
  })

  it('keep the answer in the run record the server receives', () => {
    const { state } = run([
      { type: 'answer', value: 'declined' },
      { type: 'next' },
      { type: 'next' },
      { type: 'close' }
    ])
    const record = runRecordOf(state, { callId: 'call-1', practice: true, customerId: null })
    expect(record?.steps.map((s) => [s.nodeId, s.answer, s.offered])).toEqual([
      ['offer', 'declined', 'MOB-PLUS'],
      ['transfer', undefined, undefined],
      ['end', undefined, undefined]
    ])
  })

  it('count offers made, accepted and declined per offer step in the analytics', () => {
    const record = (events: RunEvent[], ctx: Partial<RunContext> = {}) => {
      const { state } = run([...events, { type: 'abandon' }], ctx)
      const made = runRecordOf(state, { callId: null, practice: true, customerId: null })
      if (!made) throw new Error('the run did not end')
      return made
    }
    const report = scriptAnalytics([
      record([{ type: 'chooseOption', index: 1 }]),
      record([{ type: 'chooseOption', index: 1 }]),
      record([{ type: 'chooseOption', index: 2 }]),
      // Offered, but the agent moved on without recording the answer: not taken.
      record([{ type: 'next' }]),
      // Nothing to offer an unknown caller: the step was reached, no offer was made.
      record([{ type: 'next' }], { customer: null })
    ])
    expect(report.nodes.find((n) => n.nodeId === 'offer')?.runs).toBe(5)
    expect(report.offers).toEqual([
      { nodeId: 'offer', offers: 4, accepted: 2, declined: 1, acceptanceRate: 0.5 }
    ])
  })

  it('tie the offer to the visit it was made on, after going back to the step', () => {
    const { state } = run([{ type: 'next' }, { type: 'back' }, { type: 'chooseOption', index: 1 }])
    const record = runRecordOf(
      { ...state, status: 'abandoned' },
      {
        callId: null,
        practice: true,
        customerId: null
      }
    )
    expect(record?.steps.map((s) => [s.nodeId, s.answer, s.offered])).toEqual([
      ['offer', 'accepted', 'MOB-PLUS'],
      ['transfer', undefined, undefined]
    ])
  })

  it('refuse anything but accepted or declined, and an option that does not exist', () => {
    const before = run([])
    const bad = applyEvent(script, before.state, { type: 'answer', value: 'maybe' }, context())
    expect(bad.ok || bad.error.code).toBe('invalid_answer')
    const third = applyEvent(script, before.state, { type: 'chooseOption', index: 3 }, context())
    expect(third.ok || third.error.code).toBe('invalid_option')
  })

  it('may be passed without an answer', () => {
    const { state } = run([{ type: 'next' }])
    expect(state.path.map((s) => s.nodeId)).toEqual(['offer', 'transfer'])
    expect(state.path[0]?.answer).toBeUndefined()
  })

  it('ask nothing when there is nothing to offer', () => {
    const { view, state } = run([], { customer: null })
    expect(view.step.ask).toBeNull()
    const refused = applyEvent(script, state, { type: 'answer', value: 'accepted' }, context())
    expect(refused.ok || refused.error.code).toBe('not_an_ask')
  })

  it('describe the transfer, which the app puts in the phone for the agent to confirm', () => {
    const { effects, view } = run([{ type: 'next' }])
    expect(view.step.ask).toBeNull()
    expect(effects.map((e) => e.effect)).toEqual([
      { type: 'transfer', target: { kind: 'number', e164: '+34910000123' } }
    ])
  })
})
