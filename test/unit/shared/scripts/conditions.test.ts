import { describe, expect, it } from 'vitest'

import type { Condition } from '@shared/scripts/condition-schema'
import { compare, evaluateCondition, inTimeRange } from '@shared/scripts/evaluate-condition'
import { minutesOfDay } from '@shared/scripts/run-context'
import { answerOperandProblem } from '@shared/scripts/validate-conditions'
import { context, customer } from './support'

describe('compare', () => {
  it.each<[Parameters<typeof compare>, boolean]>([
    [['a', 'eq', 'a'], true],
    [['a', 'eq', 'b'], false],
    [[1, 'eq', '1'], false],
    [[true, 'eq', true], true],
    [[undefined, 'eq', 'a'], false],
    [[undefined, 'ne', 'a'], true],
    [['a', 'in', ['b', 'a']], true],
    [['c', 'not_in', ['b', 'a']], true],
    [[undefined, 'not_in', ['a']], true],
    [[5, 'gt', 4], true],
    [[4, 'gt', 4], false],
    [[4, 'gte', 4], true],
    [[3, 'lt', 4], true],
    [[4, 'lte', 4], true],
    [['2026-01-02', 'gt', '2026-01-01'], true],
    [[5, 'gt', '4'], false],
    [[undefined, 'lt', 4], false],
    [[undefined, 'exists'], false],
    [['', 'exists'], false],
    [[0, 'exists'], true],
    [[undefined, 'missing'], true],
    [['x', 'missing'], false]
  ])('%j → %s', (args, expected) => {
    expect(compare(...args)).toBe(expected)
  })
})

describe('time of day', () => {
  it('is a half-open range', () => {
    expect(inTimeRange(9 * 60, '09:00', '18:00')).toBe(true)
    expect(inTimeRange(18 * 60, '09:00', '18:00')).toBe(false)
    expect(inTimeRange(8 * 60 + 59, '09:00', '18:00')).toBe(false)
  })

  it('wraps past midnight', () => {
    expect(inTimeRange(23 * 60, '22:00', '06:00')).toBe(true)
    expect(inTimeRange(60, '22:00', '06:00')).toBe(true)
    expect(inTimeRange(12 * 60, '22:00', '06:00')).toBe(false)
  })

  it('reads the clock in the given zone, UTC by default', () => {
    const now = new Date('2026-07-01T22:30:00Z')
    expect(minutesOfDay(now)).toBe(22 * 60 + 30)
    expect(minutesOfDay(now, 'Europe/Madrid')).toBe(30) // 00:30 in summer
    expect(minutesOfDay(now, 'America/Bogota')).toBe(17 * 60 + 30)
    expect(minutesOfDay(now, 'Not/AZone')).toBeNull()
  })
})

describe('evaluateCondition', () => {
  const ctx = context('10:00:00')
  const input = (answers: Record<string, string | number | boolean> = {}) => ({
    answer: (id: string) => answers[id],
    context: ctx
  })
  const holds = (c: Condition, answers = {}) => evaluateCondition(c, input(answers))

  it('reads answers, customer fields, tier and language', () => {
    expect(holds({ answer: 'q', op: 'eq', value: 'x' }, { q: 'x' })).toBe(true)
    expect(holds({ customer: 'recencyDays', op: 'lt', value: 30 })).toBe(true)
    expect(holds({ customer: 'fullName', op: 'eq', value: 'Lucía Pérez' })).toBe(true)
    expect(holds({ customer: 'productCount', op: 'eq', value: 1 })).toBe(true)
    expect(holds({ customer: 'doNotCall', op: 'eq', value: false })).toBe(true)
    expect(holds({ tier: ['standard'] })).toBe(true)
    expect(holds({ tier: ['high_yield'] })).toBe(false)
    expect(holds({ language: 'es' })).toBe(true)
    expect(holds({ language: 'en' })).toBe(false)
  })

  it('treats an unknown caller as having no fields and no tier', () => {
    const anonymous = { answer: () => undefined, context: { ...ctx, customer: null } }
    expect(evaluateCondition({ customer: 'firstName', op: 'exists' }, anonymous)).toBe(false)
    expect(evaluateCondition({ customer: 'firstName', op: 'missing' }, anonymous)).toBe(true)
    expect(evaluateCondition({ tier: ['standard'] }, anonymous)).toBe(false)
  })

  it('combines with all, any and not', () => {
    const yes: Condition = { language: 'es' }
    const no: Condition = { language: 'en' }
    expect(holds({ all: [yes, yes] })).toBe(true)
    expect(holds({ all: [yes, no] })).toBe(false)
    expect(holds({ any: [no, yes] })).toBe(true)
    expect(holds({ any: [no, no] })).toBe(false)
    expect(holds({ not: no })).toBe(true)
  })

  it('uses the injected clock and zone', () => {
    const morning: Condition = { timeOfDay: { from: '09:00', to: '12:00' } }
    expect(holds(morning)).toBe(true)
    const inBogota = { answer: () => undefined, context: { ...ctx, timeZone: 'America/Bogota' } }
    expect(evaluateCondition(morning, inBogota)).toBe(false)
    const badZone = { answer: () => undefined, context: { ...ctx, timeZone: 'Bad/Zone' } }
    expect(evaluateCondition(morning, badZone)).toBe(false)
  })

  it('reads high-value customers', () => {
    const vip = {
      answer: () => undefined,
      context: { ...ctx, customer: customer({ tier: 'high_yield' }) }
    }
    expect(evaluateCondition({ tier: ['high_yield', 'high_potential'] }, vip)).toBe(true)
  })
})

describe('answerOperandProblem', () => {
  it.each<[Parameters<typeof answerOperandProblem>, boolean]>([
    [[{ type: 'yes_no' }, 'eq', true], false],
    [[{ type: 'yes_no' }, 'eq', 'yes'], true],
    [[{ type: 'yes_no' }, 'gt', true], true],
    [[{ type: 'text' }, 'eq', 3], true],
    [[{ type: 'text' }, 'exists', undefined], false],
    [[{ type: 'date' }, 'gt', '2026-01-01'], false],
    [[{ type: 'date' }, 'gt', 'tomorrow'], true],
    [[{ type: 'rating', scale: '0-10' }, 'in', [9, 10]], false],
    [[{ type: 'rating', scale: '0-10' }, 'in', [10, 11]], true],
    [[{ type: 'rating', scale: '1-5' }, 'lt', 1], true],
    [[{ type: 'rating', scale: '1-5' }, 'lte', 1], false],
    [[{ type: 'number' }, 'gt', 1e9], false],
    [[{ type: 'number', max: 10 }, 'gte', 11], true],
    [[{ type: 'number', min: 0 }, 'lte', -1], true]
  ])('%j → problem: %s', (args, problem) => {
    expect(answerOperandProblem(...args) !== null).toBe(problem)
  })
})
