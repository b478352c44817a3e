/**
 * Value tiers and activity segments from recency, frequency and monetary value (RFM) plus
 * lifetime value. The rules are documented in the README; keep the two in step.
 */
import type { ValueTier } from './customer'

export interface ValueMetrics {
  recencyDays: number
  frequency12m: number
  monetary12m: number
  lifetimeValue: number
}

export const tierRules = {
  highYieldMinMonetary12m: 2000,
  highYieldMaxRecencyDays: 90,
  highPotentialMinFrequency12m: 6,
  highPotentialMinMonetary12m: 500,
  activeMaxRecencyDays: 180,
  frequentMinPerYear: 12,
  habitualMinPerYear: 4
} as const

export function valueTier(m: ValueMetrics): ValueTier {
  // A customer who costs more than they bring is below zero whatever they spend now.
  if (m.lifetimeValue < 0) return 'below_zero'
  if (
    m.monetary12m >= tierRules.highYieldMinMonetary12m &&
    m.recencyDays <= tierRules.highYieldMaxRecencyDays
  ) {
    return 'high_yield'
  }
  if (
    m.frequency12m >= tierRules.highPotentialMinFrequency12m ||
    m.monetary12m >= tierRules.highPotentialMinMonetary12m
  ) {
    return 'high_potential'
  }
  return 'standard'
}

export type ActivitySegment = 'active' | 'inactive'
export type FrequencySegment = 'frequent' | 'habitual' | 'occasional'

export function activitySegment(m: Pick<ValueMetrics, 'recencyDays'>): ActivitySegment {
  return m.recencyDays <= tierRules.activeMaxRecencyDays ? 'active' : 'inactive'
}

export function frequencySegment(m: Pick<ValueMetrics, 'frequency12m'>): FrequencySegment {
  if (m.frequency12m >= tierRules.frequentMinPerYear) return 'frequent'
  if (m.frequency12m >= tierRules.habitualMinPerYear) return 'habitual'
  return 'occasional'
}
