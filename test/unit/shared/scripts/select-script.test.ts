import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import {
  selectionRulesSchema,
  selectScript,
  type SelectionContext
} from '@shared/scripts/select-script'

const rules = selectionRulesSchema.parse(
  parse(
    readFileSync(
      resolve(import.meta.dirname, '../../../../resources/script-selection.yaml'),
      'utf8'
    )
  )
).rules
const all = new Set([
  'satisfaction-survey',
  'outbound-retention',
  'complaint-intake',
  'inbound-service'
])
const inbound: SelectionContext = {
  direction: 'inbound',
  calledNumber: null,
  queue: null,
  campaign: null,
  tier: null,
  language: 'es'
}

describe('script selection (the bundled rules)', () => {
  it.each<[string, Partial<SelectionContext>, string | null]>([
    ['a plain inbound call', {}, 'inbound-service'],
    ['the complaints queue', { queue: 'complaints' }, 'complaint-intake'],
    ['another queue', { queue: 'billing' }, 'inbound-service'],
    [
      'an outbound retention campaign',
      { direction: 'outbound', campaign: 'retention' },
      'outbound-retention'
    ],
    [
      'a survey campaign, either direction',
      { direction: 'outbound', campaign: 'nps' },
      'satisfaction-survey'
    ],
    ['an outbound call with no campaign', { direction: 'outbound' }, null]
  ])('%s → %s', (_name, patch, expected) => {
    expect(selectScript(rules, { ...inbound, ...patch }, all)).toBe(expected)
  })

  it('skips a rule whose script this client does not have', () => {
    const without = new Set([...all].filter((s) => s !== 'complaint-intake'))
    expect(selectScript(rules, { ...inbound, queue: 'complaints' }, without)).toBe(
      'inbound-service'
    )
  })
})

describe('rule conditions', () => {
  const available = new Set(['vip', 'dnis', 'english', 'fallback'])
  const custom = selectionRulesSchema.parse({
    rules: [
      { script: 'vip', when: { tiers: ['high_yield'] } },
      { script: 'dnis', when: { calledNumbers: ['+34900100200', '112'] } },
      { script: 'english', when: { languages: ['en'] } },
      { script: 'fallback' }
    ]
  }).rules

  it.each<[string, Partial<SelectionContext>, string]>([
    ['a high-yield customer', { tier: 'high_yield' }, 'vip'],
    ['an unknown caller never matches a tier rule', { tier: null }, 'fallback'],
    ['the DNIS in international format', { calledNumber: '+34900100200' }, 'dnis'],
    ['the same DNIS in national format', { calledNumber: '900100200' }, 'dnis'],
    ['a short code matches exactly', { calledNumber: '112' }, 'dnis'],
    ['a short code is not a suffix match', { calledNumber: '+34911112' }, 'fallback'],
    ['an English speaker', { language: 'en' }, 'english']
  ])('%s', (_name, patch, expected) => {
    expect(selectScript(custom, { ...inbound, ...patch }, available)).toBe(expected)
  })

  it('rejects rules with clear errors', () => {
    const bad = selectionRulesSchema.safeParse({
      rules: [{ script: 'Bad Id', when: { tiers: ['gold'], calledNumbers: ['abc'] } }]
    })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'rules.0.script',
      'rules.0.when.calledNumbers.0',
      'rules.0.when.tiers.0'
    ])
  })
})
