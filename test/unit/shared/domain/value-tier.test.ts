import { describe, expect, it } from 'vitest'

import {
  activitySegment,
  frequencySegment,
  valueTier,
  type ValueMetrics
} from '@shared/domain/value-tier'

const base: ValueMetrics = {
  recencyDays: 30,
  frequency12m: 2,
  monetary12m: 100,
  lifetimeValue: 800
}

describe('valueTier', () => {
  it('puts a customer who costs more than they bring below zero, whatever they spend', () => {
    expect(valueTier({ ...base, monetary12m: 9000, lifetimeValue: -1 })).toBe('below_zero')
  })
  it('rates recent big spenders as high yield', () => {
    expect(valueTier({ ...base, monetary12m: 2000, recencyDays: 90 })).toBe('high_yield')
  })
  it('does not rate a big spender who went quiet as high yield', () => {
    expect(valueTier({ ...base, monetary12m: 2500, recencyDays: 91 })).toBe('high_potential')
  })
  it('rates frequent buyers as high potential', () => {
    expect(valueTier({ ...base, frequency12m: 6 })).toBe('high_potential')
  })
  it('rates everyone else as standard', () => {
    expect(valueTier(base)).toBe('standard')
  })
})

describe('segments', () => {
  it('splits active from inactive at 180 days', () => {
    expect(activitySegment({ recencyDays: 180 })).toBe('active')
    expect(activitySegment({ recencyDays: 181 })).toBe('inactive')
  })
  it('splits frequent, habitual and occasional buyers', () => {
    expect(frequencySegment({ frequency12m: 12 })).toBe('frequent')
    expect(frequencySegment({ frequency12m: 4 })).toBe('habitual')
    expect(frequencySegment({ frequency12m: 3 })).toBe('occasional')
  })
})
