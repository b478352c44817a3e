import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { adherenceFacts, prefillFromRun } from '@shared/evaluations/adherence'
import { checkFormSource } from '@shared/evaluations/form-source'
import { parseScript } from '@shared/scripts/script-source'
import type { ScriptRunRecordArgs } from '@shared/domain/script-run'

const parsed = parseScript(readFileSync('resources/scripts/outbound-retention.yaml', 'utf8'))
if (!parsed.ok) throw new Error('sample script does not parse')
const script = parsed.script
const form = checkFormSource(
  readFileSync('resources/evaluation-forms/service-quality.yaml', 'utf8')
).form
if (!form) throw new Error('seeded form does not parse')

const at = (s: number) => new Date(Date.UTC(2026, 11, 6, 10, 0, s)).toISOString()

function run(overrides: Partial<ScriptRunRecordArgs> = {}): ScriptRunRecordArgs {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    callId: 'call-1',
    practice: false,
    customerId: null,
    scriptId: 'outbound-retention',
    scriptVersion: 1,
    language: 'es',
    status: 'closed',
    outcome: 'sale',
    abandonReason: null,
    startedAt: at(0),
    endedAt: at(60),
    steps: [
      { nodeId: 'intro', enteredAt: at(0), seconds: 5 },
      { nodeId: 'disclosure', enteredAt: at(5), seconds: 10 },
      { nodeId: 'cross-sell', enteredAt: at(15), seconds: 30, offered: 'FIBER-1G' },
      { nodeId: 'offer-answer', enteredAt: at(45), seconds: 15, answer: 'accepted' }
    ],
    confirmations: [{ nodeId: 'disclosure', at: at(9) }],
    ...overrides
  }
}

const byQuestion = (answers: ReturnType<typeof prefillFromRun>) =>
  Object.fromEntries(answers.map((a) => [a.questionId, a.na ? 'n/a' : a.value]))

describe('script adherence from the run', () => {
  it('reads the path with titles, the mandatory lines confirmed and the time', () => {
    const facts = adherenceFacts(run(), script, 'es')
    expect(facts.scriptTitle).toBe('Llamada saliente de retención y venta cruzada')
    expect(facts.steps.find((s) => s.nodeId === 'disclosure')).toMatchObject({
      title: 'Aviso legal',
      mandatory: true,
      confirmed: true
    })
    expect(facts.missedMandatory).toEqual([])
    expect(facts.seconds).toBe(60)
    expect(facts.offers).toEqual([{ nodeId: 'cross-sell', productCode: 'FIBER-1G', answer: null }])
  })

  it('fills the seeded form: all confirmed, completed; an offer without an answer is not made', () => {
    expect(byQuestion(prefillFromRun(form, adherenceFacts(run(), script, 'es')))).toEqual({
      'mandatory-lines': 'yes',
      'script-completed': 'yes',
      'offers-made': 'no'
    })
  })

  it('names the mandatory line skipped and the abandoned run', () => {
    const facts = adherenceFacts(
      run({ confirmations: [], status: 'abandoned', outcome: null, abandonReason: 'Colgó' }),
      script,
      'en'
    )
    expect(facts.missedMandatory).toEqual(['disclosure'])
    const answers = prefillFromRun(form, facts)
    expect(answers.find((a) => a.questionId === 'mandatory-lines')).toMatchObject({
      value: 'no',
      comment: 'disclosure',
      autofilled: true
    })
    expect(answers.find((a) => a.questionId === 'script-completed')).toMatchObject({
      value: 'no',
      comment: 'Colgó'
    })
  })

  it("words the runner's abandon code for the answer's comment, and fills the training form", () => {
    const facts = adherenceFacts(
      run({ confirmations: [], status: 'abandoned', outcome: null, abandonReason: 'agent' }),
      script,
      'es'
    )
    const training = checkFormSource(
      readFileSync('resources/evaluation-forms/practice-training.yaml', 'utf8')
    ).form
    if (!training) throw new Error('the training form does not parse')
    const answers = prefillFromRun(training, facts, (code) => `«${code}» en palabras`)
    expect(byQuestion(answers)).toEqual({
      'mandatory-lines': 'no',
      'script-finished': 'no',
      'offer-made': 'no'
    })
    expect(answers.find((a) => a.questionId === 'script-finished')?.comment).toBe(
      '«agent» en palabras'
    )
  })

  it('marks not applicable what the path had nothing of', () => {
    const facts = adherenceFacts(
      run({ steps: [{ nodeId: 'intro', enteredAt: at(0), seconds: 5 }], confirmations: [] }),
      script,
      'es'
    )
    expect(byQuestion(prefillFromRun(form, facts))).toEqual({
      'mandatory-lines': 'n/a',
      'script-completed': 'yes',
      'offers-made': 'n/a'
    })
  })

  it('still reads a run whose script version is gone, by node ids', () => {
    const facts = adherenceFacts(run(), null, 'es')
    expect(facts.scriptTitle).toBe('outbound-retention')
    expect(facts.steps.map((s) => s.title)).toEqual([
      'intro',
      'disclosure',
      'cross-sell',
      'offer-answer'
    ])
    expect(facts.steps.every((s) => !s.mandatory)).toBe(true)
  })
})
