import { describe, expect, it } from 'vitest'

import { applyEvent, startRun, viewRun } from '@shared/scripts/interpreter'
import type { RunContext } from '@shared/scripts/run-context'
import type { RunSuccess } from '@shared/scripts/run-result'
import { runStateSchema, type AnswerValue, type RunEvent } from '@shared/scripts/run-state'
import { sampleYaml } from './sample-script'
import { context, customer, expectOk, scriptFrom } from './support'

const script = scriptFrom(sampleYaml)

/** Applies events one second apart from 10:00:00 UTC, failing on the first error. */
function run(events: RunEvent[], ctx: Partial<RunContext> = {}): RunSuccess {
  let at = 0
  const tick = (): RunContext => {
    const seconds = String(at++).padStart(2, '0')
    return context(`10:00:${seconds}`, ctx)
  }
  let result = expectOk(startRun(script, tick()))
  for (const event of events) result = expectOk(applyEvent(script, result.state, event, tick()))
  return result
}

function attempt(events: RunEvent[], last: RunEvent, ctx: Partial<RunContext> = {}) {
  const before = run(events, ctx)
  return applyEvent(script, before.state, last, context('10:01:00', ctx))
}

const toReason: RunEvent[] = [{ type: 'next' }, { type: 'next' }]

describe('starting a run', () => {
  it('opens at the start step with the script id, version and start time', () => {
    const { state, view, effects } = run([])
    expect(state).toMatchObject({
      scriptId: 'test-script',
      scriptVersion: 3,
      status: 'open',
      language: 'es',
      startedAt: '2026-03-02T10:00:00.000Z'
    })
    expect(view.step).toMatchObject({ nodeId: 'hello', kind: 'say', text: 'Hola Lucía' })
    expect(view.step.title).toBe('Saludo')
    expect(effects).toEqual([])
    expect(view.canGoBack).toBe(false)
  })

  it('renders in the context language', () => {
    expect(run([], { language: 'en' }).view.step.text).toBe('Hello Lucía')
  })

  it('rejects an invalid clock or time zone', () => {
    const badDate = startRun(script, { ...context(), now: new Date('nope') })
    expect(badDate.ok || badDate.error.code).toBe('invalid_context')
    const badZone = startRun(script, context('10:00:00', { timeZone: 'Mars/Olympus' }))
    expect(badZone.ok || badZone.error.code).toBe('invalid_context')
  })

  it('leaves an unknown caller’s variables empty instead of failing', () => {
    const { view } = run([], { customer: null })
    expect(view.step.text).toBe('Hola ')
    expect(view.step.parts).toContainEqual({
      kind: 'variable',
      name: 'customer.firstName',
      value: '',
      resolved: false
    })
  })
})

describe('moving forward', () => {
  it('records the path with per-step timestamps', () => {
    const { state, view } = run(toReason)
    expect(view.step.nodeId).toBe('reason')
    expect(state.path.map((s) => [s.nodeId, s.enteredAt, s.via])).toEqual([
      ['hello', '2026-03-02T10:00:00.000Z', 'start'],
      ['legal', '2026-03-02T10:00:01.000Z', 'next'],
      ['reason', '2026-03-02T10:00:02.000Z', 'next']
    ])
  })

  it('needs an answer before leaving a required question', () => {
    const result = attempt(toReason, { type: 'next' })
    expect(result.ok || result.error).toMatchObject({ code: 'answer_required', nodeId: 'reason' })
  })

  it('follows an option’s own next', () => {
    const { view, state } = run([...toReason, { type: 'answer', value: 'buy' }, { type: 'next' }])
    expect(view.step.nodeId).toBe('offer')
    expect(state.path.at(-1)?.via).toBe('option')
  })

  it('goes through branches, recording the rule taken', () => {
    const { view, state } = run([...toReason, { type: 'chooseOption', index: 2 }])
    expect(view.step.nodeId).toBe('detail')
    const branch = state.path.find((s) => s.nodeId === 'route')
    expect(branch).toMatchObject({ rule: 0, via: 'next' })
    expect(state.path.at(-1)).toMatchObject({ nodeId: 'detail', via: 'branch' })
  })

  it('takes the default when no rule holds', () => {
    const { view, state } = run([...toReason, { type: 'chooseOption', index: 3 }])
    expect(view.step.nodeId).toBe('age')
    expect(state.path.find((s) => s.nodeId === 'route')?.rule).toBe(-1)
  })

  it('branches on tier and time of day together', () => {
    const vip = { customer: customer({ tier: 'high_yield' }) }
    expect(run([...toReason, { type: 'chooseOption', index: 3 }], vip).view.step.nodeId).toBe('vip')
    const late = { ...vip, timeZone: 'America/Bogota' } // 10:00 UTC is 05:00 in Bogotá
    expect(run([...toReason, { type: 'chooseOption', index: 3 }], late).view.step.nodeId).toBe(
      'age'
    )
  })

  it('lets an optional question be skipped', () => {
    const { view } = run([...toReason, { type: 'chooseOption', index: 3 }, { type: 'next' }])
    expect(view.step.nodeId).toBe('satisfied')
    expect(view.step.text).toBe('¿Satisfecho, Lucía?')
  })

  it('refuses next on an end step', () => {
    const result = attempt([...toReason, { type: 'chooseOption', index: 1 }, { type: 'next' }], {
      type: 'next'
    })
    expect(result.ok || result.error.code).toBe('at_end')
  })
})

describe('answers', () => {
  const atAge = [...toReason, { type: 'chooseOption', index: 3 } as const]

  it.each<[string, RunEvent[], AnswerValue]>([
    ['a choice value that is no option', toReason, 'maybe'],
    ['a number below the minimum', atAge, 17],
    ['a number above the maximum', atAge, 121],
    ['a fraction where a whole number is due', atAge, 30.5],
    ['text for a number', atAge, '30'],
    ['a string for yes/no', [...atAge, { type: 'next' }], 'yes']
  ])('rejects %s', (_name, events, value) => {
    const result = attempt(events, { type: 'answer', value })
    expect(result.ok || result.error.code).toBe('invalid_answer')
  })

  it('rejects an answer on a step that asks nothing', () => {
    const result = attempt([], { type: 'answer', value: 'x' })
    expect(result.ok || result.error.code).toBe('not_an_ask')
  })

  it('keeps the answer on the step with its time, and a new answer replaces it', () => {
    const { state, view } = run([
      ...atAge,
      { type: 'answer', value: 30 },
      { type: 'answer', value: 31 }
    ])
    expect(state.path.at(-1)).toMatchObject({
      nodeId: 'age',
      answer: 31,
      answeredAt: '2026-03-02T10:00:05.000Z'
    })
    expect(view.step.ask).toMatchObject({ type: 'number', min: 18, max: 120, answer: 31 })
  })

  it('maps 1 and 2 to yes and no, and rejects other keys', () => {
    const yes = run([...atAge, { type: 'next' }, { type: 'chooseOption', index: 1 }])
    expect(yes.state.path.find((s) => s.nodeId === 'satisfied')?.answer).toBe(true)
    const no = run([...atAge, { type: 'next' }, { type: 'chooseOption', index: 2 }])
    expect(no.state.path.find((s) => s.nodeId === 'satisfied')?.answer).toBe(false)
    const bad = attempt([...atAge, { type: 'next' }], { type: 'chooseOption', index: 3 })
    expect(bad.ok || bad.error.code).toBe('invalid_option')
    const zero = attempt(toReason, { type: 'chooseOption', index: 0 })
    expect(zero.ok || zero.error.code).toBe('invalid_option')
  })

  it('lists options with their keys', () => {
    expect(run(toReason).view.step.ask?.options).toEqual([
      { index: 1, value: 'buy', label: 'Comprar' },
      { index: 2, value: 'complain', label: 'Quejarse' },
      { index: 3, value: 'other', label: 'Otro' }
    ])
  })

  it('refuses chooseOption on a question without options', () => {
    const result = attempt(atAge, { type: 'chooseOption', index: 1 })
    expect(result.ok || result.error.code).toBe('invalid_option')
  })

  it('shows a choice answer by its label in later texts', () => {
    const { view } = run([...toReason, { type: 'chooseOption', index: 1 }, { type: 'next' }])
    expect(view.step.text).toBe('Vendido: Comprar')
    expect(
      run([...toReason, { type: 'chooseOption', index: 1 }, { type: 'next' }], {
        language: 'en'
      }).view.step.text
    ).toBe('Sold: Buy')
  })
})

describe('back navigation', () => {
  it('returns to the previous step, skipping branches, keeping its answer', () => {
    const { view, state } = run([...toReason, { type: 'chooseOption', index: 2 }, { type: 'back' }])
    expect(view.step.nodeId).toBe('reason')
    expect(view.step.ask?.answer).toBe('complain')
    expect(state.path.map((s) => s.nodeId)).toEqual(['hello', 'legal', 'reason'])
  })

  it('forgets answers given after the step it returns to', () => {
    const { view } = run([
      ...toReason,
      { type: 'chooseOption', index: 2 },
      { type: 'answer', value: 'late' },
      { type: 'back' },
      { type: 'chooseOption', index: 2 }
    ])
    expect(view.step.nodeId).toBe('detail')
    expect(view.step.ask?.answer).toBeNull()
  })

  it('lets the agent change the route', () => {
    const { view } = run([
      ...toReason,
      { type: 'chooseOption', index: 2 },
      { type: 'back' },
      { type: 'chooseOption', index: 3 }
    ])
    expect(view.step.nodeId).toBe('age')
  })

  it('has no step before the first', () => {
    const result = attempt([], { type: 'back' })
    expect(result.ok || result.error.code).toBe('no_history')
  })

  it('keeps every event in the log, including undone steps', () => {
    const { state } = run([{ type: 'next' }, { type: 'back' }])
    expect(state.log.map((l) => [l.at, l.event.type])).toEqual([
      ['2026-03-02T10:00:01.000Z', 'next'],
      ['2026-03-02T10:00:02.000Z', 'back']
    ])
  })
})

describe('mandatory steps', () => {
  const toEnd: RunEvent[] = [...toReason, { type: 'chooseOption', index: 1 }, { type: 'next' }]

  it('blocks closing until confirmed, and says why', () => {
    const { view } = run(toEnd)
    expect(view.canClose).toBe(false)
    expect(view.closeBlockers).toEqual([{ code: 'mandatory_unconfirmed', nodeId: 'legal' }])
    const result = attempt(toEnd, { type: 'close' })
    expect(result.ok || result.error.code).toBe('cannot_close')
  })

  it('can be confirmed later from anywhere on the path, with the time', () => {
    const { view, state } = run([...toEnd, { type: 'confirm', nodeId: 'legal' }])
    expect(state.confirmations).toEqual([{ nodeId: 'legal', at: '2026-03-02T10:00:05.000Z' }])
    expect(view.canClose).toBe(true)
    expect(view.mandatory).toEqual([
      { nodeId: 'legal', onPath: true, confirmedAt: '2026-03-02T10:00:05.000Z' }
    ])
  })

  it('keeps the first confirmation time', () => {
    const { state } = run([{ type: 'next' }, { type: 'confirm' }, { type: 'confirm' }])
    expect(state.confirmations).toEqual([{ nodeId: 'legal', at: '2026-03-02T10:00:02.000Z' }])
  })

  it('refuses to confirm a step not reached or not mandatory', () => {
    const notReached = attempt([], { type: 'confirm', nodeId: 'legal' })
    expect(notReached.ok || notReached.error.code).toBe('not_on_path')
    const notMandatory = attempt([], { type: 'confirm' })
    expect(notMandatory.ok || notMandatory.error.code).toBe('not_mandatory')
    const unknown = attempt([], { type: 'confirm', nodeId: 'nope' })
    expect(unknown.ok || unknown.error.code).toBe('not_mandatory')
  })

  it('does not block when the step was undone by going back', () => {
    const { view } = run([{ type: 'next' }, { type: 'back' }])
    expect(view.closeBlockers).toEqual([{ code: 'not_at_end' }])
    expect(view.mandatory[0]).toMatchObject({ onPath: false, confirmedAt: null })
  })
})

describe('closing and abandoning', () => {
  const closable: RunEvent[] = [
    { type: 'next' },
    { type: 'confirm' },
    { type: 'next' },
    { type: 'chooseOption', index: 1 },
    { type: 'next' }
  ]

  it('closes at an end step and emits the disposition', () => {
    const { state, effects, view } = run([...closable, { type: 'close' }])
    expect(state).toMatchObject({
      status: 'closed',
      outcome: 'sold',
      closedAt: '2026-03-02T10:00:06.000Z'
    })
    expect(effects.map((e) => e.effect)).toEqual([{ type: 'set_disposition', code: 'sold' }])
    expect(view.step.outcome).toEqual({ code: 'sold', label: 'Vendido' })
    expect(view.canClose).toBe(false)
  })

  it('cannot close before an end step', () => {
    const result = attempt([{ type: 'next' }, { type: 'confirm' }], { type: 'close' })
    expect(result.ok || result.error.message).toContain('not_at_end')
  })

  it('refuses every event once closed or abandoned', () => {
    const closed = run([...closable, { type: 'close' }])
    const after = applyEvent(script, closed.state, { type: 'back' }, context('11:00:00'))
    expect(after.ok || after.error.code).toBe('run_not_open')
    const abandoned = run([{ type: 'abandon', reason: 'call dropped' }])
    expect(abandoned.state).toMatchObject({ status: 'abandoned', abandonReason: 'call dropped' })
    const next = applyEvent(script, abandoned.state, { type: 'next' }, context('11:00:00'))
    expect(next.ok || next.error.code).toBe('run_not_open')
  })
})

describe('global jumps', () => {
  it('enters a jump and returns to the step the agent was on, answer intact', () => {
    const events: RunEvent[] = [...toReason, { type: 'answer', value: 'other' }]
    const inJump = run([...events, { type: 'jump', jumpId: 'price' }])
    expect(inJump.view.step.nodeId).toBe('price-say')
    expect(inJump.view.inJump).toBe('price')
    expect(inJump.view.jumps).toEqual([
      { id: 'price', label: 'Precio', active: true },
      { id: 'faq', label: 'FAQ', active: false }
    ])
    const back = run([...events, { type: 'jump', jumpId: 'price' }, { type: 'returnFromJump' }])
    expect(back.view.step).toMatchObject({ nodeId: 'reason' })
    expect(back.view.step.ask?.answer).toBe('other')
    expect(back.view.inJump).toBeNull()
    expect(back.state.path.at(-1)?.via).toBe('return')
  })

  it('returns by itself when the jump flow runs out of steps', () => {
    const { view } = run([
      ...toReason,
      { type: 'jump', jumpId: 'price' },
      { type: 'next' },
      { type: 'answer', value: 7 },
      { type: 'next' }
    ])
    expect(view.step.nodeId).toBe('reason')
    expect(view.inJump).toBeNull()
  })

  it('nests jumps and unwinds them in order', () => {
    const nested = run([
      { type: 'next' },
      { type: 'jump', jumpId: 'price' },
      { type: 'jump', jumpId: 'faq' }
    ])
    expect(nested.view.inJump).toBe('faq')
    const once = run([
      { type: 'next' },
      { type: 'jump', jumpId: 'price' },
      { type: 'jump', jumpId: 'faq' },
      { type: 'next' }
    ])
    expect(once.view.step.nodeId).toBe('price-say')
    expect(once.view.inJump).toBe('price')
    const twice = run([
      { type: 'next' },
      { type: 'jump', jumpId: 'price' },
      { type: 'jump', jumpId: 'faq' },
      { type: 'next' },
      { type: 'returnFromJump' }
    ])
    expect(twice.view.step.nodeId).toBe('legal')
  })

  it('undoes a return with back, re-entering the jump', () => {
    const { view } = run([
      ...toReason,
      { type: 'jump', jumpId: 'faq' },
      { type: 'returnFromJump' },
      { type: 'back' }
    ])
    expect(view.step.nodeId).toBe('faq-say')
    expect(view.inJump).toBe('faq')
  })

  it('refuses an unknown jump, the same jump twice, and a return outside a jump', () => {
    const unknown = attempt([], { type: 'jump', jumpId: 'nope' })
    expect(unknown.ok || unknown.error.code).toBe('unknown_jump')
    const twice = attempt([{ type: 'jump', jumpId: 'faq' }], { type: 'jump', jumpId: 'faq' })
    expect(twice.ok || twice.error.code).toBe('jump_active')
    const outside = attempt([], { type: 'returnFromJump' })
    expect(outside.ok || outside.error.code).toBe('not_in_jump')
  })
})

describe('effects', () => {
  const toComplaint: RunEvent[] = [
    ...toReason,
    { type: 'chooseOption', index: 2 },
    { type: 'answer', value: 'cobro doble' },
    { type: 'next' }
  ]

  it('prefills a complaint with the answers and the customer', () => {
    const { effects, view, state } = run(toComplaint)
    expect(effects).toEqual([
      {
        id: 'fx-1',
        key: 'complaint',
        at: '2026-03-02T10:00:05.000Z',
        effect: {
          type: 'create_complaint',
          category: 'billing',
          description: 'Queja: cobro doble',
          customerId: customer().id
        }
      }
    ])
    expect(view.step.effect).toEqual(effects[0]?.effect)
    expect(state.effects).toEqual(effects)
  })

  it('emits again with the same key after going back and through, never on back itself', () => {
    const backed = run([...toComplaint, { type: 'back' }])
    expect(backed.effects).toEqual([])
    const again = run([
      ...toComplaint,
      { type: 'back' },
      { type: 'answer', value: 'x2' },
      { type: 'next' }
    ])
    expect(again.effects.map((e) => [e.id, e.key])).toEqual([['fx-2', 'complaint']])
    expect(again.state.effects).toHaveLength(2)
  })

  it('offers the next-best offer for this customer', () => {
    const { effects } = run([...toReason, { type: 'chooseOption', index: 1 }])
    expect(effects.map((e) => e.effect)).toEqual([
      { type: 'offer_product', productCode: 'MOB-PLUS', customerId: customer().id }
    ])
    const nobody = run([...toReason, { type: 'chooseOption', index: 1 }], { customer: null })
    expect(nobody.effects[0]?.effect).toMatchObject({ productCode: null, customerId: null })
  })

  it('transfers to a queue', () => {
    const vip = { customer: customer({ tier: 'high_yield' }) }
    const { effects } = run([...toReason, { type: 'chooseOption', index: 3 }], vip)
    expect(effects[0]?.effect).toEqual({
      type: 'transfer',
      target: { kind: 'queue', queue: 'support' }
    })
  })
})

describe('hostile values', () => {
  it('keeps markup as text and strips bidi and control characters', () => {
    const hostile = customer({ firstName: '<img src=x onerror=alert(1)>\u202E\n' })
    const { view } = run([], { customer: hostile })
    expect(view.step.text).toBe('Hola <img src=x onerror=alert(1)> ')
  })

  it('does not resolve variables inside values', () => {
    const sneaky = customer({ firstName: '{{customer.lastName}}' })
    expect(run([], { customer: sneaky }).view.step.text).toBe('Hola {{customer.lastName}}')
  })
})

describe('determinism and serialisation', () => {
  const events: RunEvent[] = [
    ...toReason,
    { type: 'jump', jumpId: 'price' },
    { type: 'next' },
    { type: 'answer', value: 3 },
    { type: 'next' },
    { type: 'chooseOption', index: 2 },
    { type: 'answer', value: 'detalle' },
    { type: 'next' }
  ]

  it('gives the same output for the same inputs', () => {
    expect(run(events)).toEqual(run(events))
  })

  it('produces states that survive JSON and pass the schema', () => {
    const { state } = run(events)
    const copy: unknown = JSON.parse(JSON.stringify(state))
    expect(runStateSchema.parse(copy)).toEqual(state)
    const resumed = expectOk(viewRun(script, runStateSchema.parse(copy), context('10:05:00')))
    expect(resumed.view).toEqual(run(events).view)
  })

  it('never mutates the state it is given', () => {
    const before = run(toReason)
    const frozen = JSON.stringify(before.state)
    applyEvent(script, before.state, { type: 'chooseOption', index: 2 }, context('10:09:00'))
    expect(JSON.stringify(before.state)).toBe(frozen)
  })

  it('refuses a state from another script or version', () => {
    const { state } = run([])
    const result = applyEvent(script, { ...state, scriptVersion: 2 }, { type: 'next' }, context())
    expect(result.ok || result.error.code).toBe('script_mismatch')
  })
})
