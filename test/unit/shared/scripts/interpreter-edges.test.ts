import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

import { applyEvent, startRun } from '@shared/scripts/interpreter'
import { scriptSchema } from '@shared/scripts/schema'
import { checkScriptSource } from '@shared/scripts/script-source'
import { sampleYaml } from './sample-script'
import { context, customer, expectOk, scriptFrom } from './support'

/** A script that passed the schema but not the validator: the interpreter must still not throw. */
const unchecked = (nodes: string) =>
  scriptSchema.parse(
    parse(`
id: raw
version: 1
title: { es: R, en: R }
start: a
dispositions: [{ code: done, label: { es: H, en: D } }]
nodes:
${nodes}`)
  )

describe('scripts that skipped the validator', () => {
  it('reports a branch loop instead of spinning', () => {
    const script = unchecked(`
  - { id: a, kind: branch, rules: [{ when: { language: es }, next: b }], default: b }
  - { id: b, kind: branch, rules: [{ when: { language: es }, next: a }], default: a }`)
    const result = startRun(script, context())
    expect(result.ok || result.error.code).toBe('broken_script')
  })

  it('reports a main-flow dead end and a missing node', () => {
    const script = unchecked(`
  - { id: a, kind: say, text: { es: A }, next: b }
  - { id: b, kind: say, text: { es: B } }
  - { id: c, kind: say, text: { es: C }, next: nowhere }`)
    const atB = expectOk(
      applyEvent(script, expectOk(startRun(script, context())).state, { type: 'next' }, context())
    )
    const stuck = applyEvent(script, atB.state, { type: 'next' }, context())
    expect(stuck.ok || stuck.error).toMatchObject({ code: 'dead_end', nodeId: 'b' })
    const missing = unchecked(`
  - { id: a, kind: say, text: { es: A }, next: nowhere }`)
    const started = expectOk(startRun(missing, context()))
    const next = applyEvent(missing, started.state, { type: 'next' }, context())
    expect(next.ok || next.error.code).toBe('broken_script')
  })

  it('refuses a complaint category that does not exist', () => {
    const script = unchecked(`
  - { id: a, kind: action, action: { type: create_complaint, category: rude, description: { es: x } }, next: e }
  - { id: e, kind: end, outcome: done }`)
    const result = startRun(script, context())
    expect(result.ok || result.error).toMatchObject({ code: 'broken_script', nodeId: 'a' })
  })
})

describe('jumps that end the call', () => {
  const script = scriptFrom(`
id: jump-end
version: 1
title: { es: J, en: J }
start: a
dispositions: [{ code: done, label: { es: H, en: D } }, { code: refused, label: { es: R, en: R } }]
jumps: [{ id: stop, label: { es: Parar, en: Stop }, start: refuse }]
nodes:
  - { id: a, kind: say, text: { es: A, en: A }, next: e }
  - { id: e, kind: end, outcome: done }
  - { id: refuse, kind: end, outcome: refused }
`)

  it('can close on an end step inside a jump, or return from it', () => {
    const started = expectOk(startRun(script, context()))
    const inJump = expectOk(
      applyEvent(script, started.state, { type: 'jump', jumpId: 'stop' }, context())
    )
    expect(inJump.view).toMatchObject({ canClose: true, inJump: 'stop' })
    const closed = expectOk(applyEvent(script, inJump.state, { type: 'close' }, context()))
    expect(closed.state.outcome).toBe('refused')
    const back = expectOk(applyEvent(script, inJump.state, { type: 'returnFromJump' }, context()))
    expect(back.view.step.nodeId).toBe('a')
  })
})

describe('callbacks', () => {
  const script = scriptFrom(`
id: cb
version: 1
title: { es: C, en: C }
start: a
dispositions: [{ code: done, label: { es: H, en: D } }]
nodes:
  - { id: a, kind: action, action: { type: schedule_callback, inMinutes: 90, note: { es: 'Llamar a {{customer.firstName}}', en: 'Call {{customer.firstName}}' } }, next: e }
  - { id: e, kind: end, outcome: done }
`)

  it('books a callback relative to the injected clock, with the note resolved', () => {
    const { effects } = expectOk(startRun(script, context('10:00:00', { language: 'en' })))
    expect(effects[0]?.effect).toEqual({
      type: 'schedule_callback',
      due: { at: '2026-03-02T11:30:00.000Z' },
      note: 'Call Lucía',
      customerId: customer().id
    })
  })
})

describe('JSON authoring', () => {
  it('accepts the same script written as JSON', () => {
    const json = JSON.stringify(parse(sampleYaml), null, 2)
    expect(checkScriptSource(json).issues).toEqual([])
  })
})
