import { describe, expect, it } from 'vitest'

import type { Customer, ValueTier } from '@shared/domain/customer'
import { nextBestOffer } from '@shared/domain/next-best-offer'

const holder = (
  codes: string[],
  tier: ValueTier = 'standard'
): Pick<Customer, 'products' | 'tier'> => ({
  tier,
  products: codes.map((code) => ({ code, name: code, since: '2024-01-01' }))
})

describe('next-best offer', () => {
  it.each([
    [['FIBER-300'], 'standard', 'fibre_without_mobile', 'cross_sell', 'MOB-PLUS'],
    [['FIBER-1G', 'TV-SPORTS'], 'high_yield', 'fibre_without_mobile', 'cross_sell', 'MOB-PLUS'],
    [['MOB-BASIC', 'FIBER-300'], 'standard', 'basic_mobile_upgrade', 'up_sell', 'MOB-PLUS'],
    [['MOB-PLUS', 'FIBER-1G'], 'high_yield', 'high_yield_home_insurance', 'cross_sell', 'INS-HOME'],
    [['MOB-PLUS', 'FIBER-300'], 'high_potential', 'fibre_speed_upgrade', 'up_sell', 'FIBER-1G'],
    [['MOB-PLUS'], 'standard', 'mobile_without_fibre', 'cross_sell', 'FIBER-300'],
    [['MOB-BASIC'], 'standard', 'basic_mobile_upgrade', 'up_sell', 'MOB-PLUS']
  ] as const)('%j (%s) → %s', (codes, tier, rule, kind, productCode) => {
    expect(nextBestOffer(holder([...codes], tier))).toEqual({ rule, kind, productCode })
  })

  it('offers nothing to a customer who already has the lot, or who holds nothing we map', () => {
    expect(nextBestOffer(holder(['MOB-PLUS', 'FIBER-1G', 'INS-HOME'], 'high_yield'))).toBeNull()
    expect(nextBestOffer(holder(['MOB-PLUS', 'FIBER-300'], 'standard'))).toBeNull()
    expect(nextBestOffer(holder([]))).toBeNull()
    expect(nextBestOffer(holder(['CLOUD-1TB']))).toBeNull()
  })

  it('offers nothing to a customer below zero, whatever they hold', () => {
    expect(nextBestOffer(holder(['FIBER-300'], 'below_zero'))).toBeNull()
  })
})
