import { describe, expect, it } from 'vitest'

import { parseVariable, partsToText, renderTemplate, variablesIn } from '@shared/scripts/template'

describe('parseVariable', () => {
  it.each([
    ['customer.firstName', { kind: 'customer', field: 'firstName' }],
    [' customer.tier ', { kind: 'customer', field: 'tier' }],
    ['answers.reason', { kind: 'answer', nodeId: 'reason' }]
  ])('%s', (raw, ref) => {
    expect(parseVariable(raw)).toEqual(ref)
  })

  it.each(['customer.password', 'agent.name', 'answers', 'answers.a.b', '', 'customer.'])(
    'rejects %j',
    (raw) => {
      expect(parseVariable(raw).kind).toBe('invalid')
    }
  )
})

describe('renderTemplate', () => {
  const lookup = (ref: ReturnType<typeof parseVariable>) =>
    ref.kind === 'customer' ? 'Ana' : undefined

  it('splits text and variables', () => {
    const parts = renderTemplate('Hola {{customer.firstName}}, ¿{{answers.x}}?', lookup)
    expect(parts).toEqual([
      { kind: 'text', text: 'Hola ' },
      { kind: 'variable', name: 'customer.firstName', value: 'Ana', resolved: true },
      { kind: 'text', text: ', ¿' },
      { kind: 'variable', name: 'answers.x', value: '', resolved: false },
      { kind: 'text', text: '?' }
    ])
    expect(partsToText(parts)).toBe('Hola Ana, ¿?')
  })

  it('leaves text without variables alone', () => {
    expect(renderTemplate('Plain', lookup)).toEqual([{ kind: 'text', text: 'Plain' }])
    expect(renderTemplate('', lookup)).toEqual([])
  })

  it('cuts long values and strips control characters', () => {
    const [part] = renderTemplate('{{customer.firstName}}', () => `a\u0000${'b'.repeat(300)}`)
    expect(part?.kind === 'variable' && part.value.length).toBe(200)
    expect(part?.kind === 'variable' && part.value.startsWith('a b')).toBe(true)
  })

  it('lists the variables a text uses', () => {
    expect(variablesIn('{{answers.a}} and {{ nope }}').map((v) => v.name)).toEqual([
      'answers.a',
      'nope'
    ])
  })
})
