import { describe, expect, it } from 'vitest'

import {
  boundInstant,
  complaintAnalysisQuerySchema,
  pareto,
  rate
} from '@shared/domain/complaint-analysis'

describe('pareto', () => {
  it('sorts biggest first with shares and a cumulative line ending at exactly 1', () => {
    const rows = pareto([
      { key: 'delivery', count: 1 },
      { key: 'billing', count: 5 },
      { key: 'other', count: 3 },
      { key: 'courtesy', count: 1 }
    ])
    expect(rows.map((r) => r.key)).toEqual(['billing', 'other', 'courtesy', 'delivery'])
    expect(rows.map((r) => r.count)).toEqual([5, 3, 1, 1])
    expect(rows.map((r) => r.share)).toEqual([0.5, 0.3, 0.1, 0.1])
    expect(rows[0]?.cumulativeShare).toBe(0.5)
    expect(rows[1]?.cumulativeShare).toBe(0.8)
    expect(rows[2]?.cumulativeShare).toBe(0.9)
    expect(rows[3]?.cumulativeShare).toBe(1)
  })

  it('keeps thirds summing to exactly 1 and drops empty keys', () => {
    const rows = pareto([
      { key: 'a', count: 1 },
      { key: 'b', count: 1 },
      { key: 'c', count: 1 },
      { key: 'zero', count: 0 }
    ])
    expect(rows.map((r) => r.key)).toEqual(['a', 'b', 'c'])
    expect(rows.at(-1)?.cumulativeShare).toBe(1)
    expect(pareto([])).toEqual([])
  })
})

describe('rate', () => {
  it('divides, and has no rate when there is nothing to divide', () => {
    expect(rate(2, 3)).toBeCloseTo(0.6667, 4)
    expect(rate(0, 4)).toBe(0)
    expect(rate(3, 3)).toBe(1)
    expect(rate(0, 0)).toBeNull()
  })
})

describe('analysis query', () => {
  it('reads dates as their start in UTC and accepts instants', () => {
    expect(boundInstant('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z')
    expect(boundInstant('2026-03-01T10:30:00Z').toISOString()).toBe('2026-03-01T10:30:00.000Z')
    expect(complaintAnalysisQuerySchema.safeParse({ from: '2026-03-01', to: 'x' }).success).toBe(
      false
    )
    expect(
      complaintAnalysisQuerySchema.safeParse({ from: '2026-03-01', to: '2026-04-01' }).success
    ).toBe(true)
  })
})
