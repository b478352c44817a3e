import { createHash, webcrypto } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { customerTurn, initialCustomerState, type PracticeEvent } from '@shared/practice'
import {
  practiceAudioKey,
  practiceAudioKeySchema,
  scenarioLines,
  type Sha256
} from '@shared/practice/practice-audio'
import { sample } from './support'

const nodeSha256: Sha256 = (bytes) => Promise.resolve(createHash('sha256').update(bytes).digest())
const webSha256: Sha256 = (bytes) => webcrypto.subtle.digest('SHA-256', bytes)

const SAMPLES = [
  'retention-objections',
  'survey-csat-nps',
  'unknown-caller',
  'win-back-high-value'
] as const

describe('practice audio keys', () => {
  it('are the hex SHA-256 of the language, a newline and the text', async () => {
    const key = await practiceAudioKey('es', 'Buenos días', nodeSha256)
    expect(key).toBe(createHash('sha256').update('es\nBuenos días', 'utf8').digest('hex'))
    expect(practiceAudioKeySchema.safeParse(key).success).toBe(true)
  })

  it('are the same with node:crypto and Web Crypto (server and desk agree)', async () => {
    for (const text of ['Hola', 'It’s the second time — ¿qué?', '"; rm -rf / #', '']) {
      for (const language of ['es', 'en'] as const) {
        expect(await practiceAudioKey(language, text, webSha256)).toBe(
          await practiceAudioKey(language, text, nodeSha256)
        )
      }
    }
  })

  it('differ by language for the same text', async () => {
    const es = await practiceAudioKey('es', 'OK', nodeSha256)
    expect(await practiceAudioKey('en', 'OK', nodeSha256)).not.toBe(es)
  })

  it('refuse anything but 64 lower-case hex digits at the route', () => {
    for (const bad of ['', 'A'.repeat(64), 'a'.repeat(63), 'a'.repeat(65), '../etc/passwd']) {
      expect(practiceAudioKeySchema.safeParse(bad).success).toBe(false)
    }
  })
})

describe('every line a scenario can say', () => {
  it('lists each line once, in the language asked', () => {
    const { scenario } = sample('win-back-high-value')
    const es = scenarioLines(scenario, 'es')
    const en = scenarioLines(scenario, 'en')
    expect(new Set(es).size).toBe(es.length)
    expect(es).toContain(
      'Es la segunda vez que me cobran dos veces el mismo mes. Estoy pensando en irme.'
    )
    expect(es).not.toEqual(en)
    expect(en.length).toBeGreaterThan(0)
  })

  it.each(SAMPLES)('holds whatever the customer says in %s', (name) => {
    const { scenario, script } = sample(name)
    for (const language of ['es', 'en'] as const) {
      const lines = new Set(scenarioLines(scenario, language))
      const context = { scenario, script, language }
      const events: PracticeEvent[] = [
        ...scenario.customer.turns.flatMap((t): PracticeEvent[] => [
          { type: 'entered', nodeId: t.node },
          { type: 'offered', nodeId: t.node, product: null },
          { type: 'answered', nodeId: t.node, value: '__wrong__' }
        ]),
        { type: 'compensation', amount: 0 },
        { type: 'compensation', amount: scenario.customer.compensation?.max ?? 0 },
        { type: 'compensation', amount: 1e9 },
        { type: 'skippedMandatory', nodeId: 'x' }
      ]
      let state = initialCustomerState()
      for (const event of events) {
        const turn = customerTurn(context, state, event)
        state = turn.state
        for (const line of turn.lines) expect(lines).toContain(line)
      }
    }
  })
})
