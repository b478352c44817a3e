/**
 * The next-best offer on the card: simple, explainable cross-sell and up-sell rules over what
 * the customer holds and their value tier. The first rule that applies wins; rules are in
 * priority order. The README documents them; keep the two in step.
 */
import type { Customer } from './customer'

export type OfferKind = 'cross_sell' | 'up_sell'

export interface NextBestOffer {
  /** Names the rule, for the i18n text and for reporting which rules convert. */
  rule: OfferRule
  kind: OfferKind
  /** The catalog code offered. */
  productCode: string
}

export const offerRules = [
  'fibre_without_mobile',
  'basic_mobile_upgrade',
  'high_yield_home_insurance',
  'fibre_speed_upgrade',
  'mobile_without_fibre'
] as const
export type OfferRule = (typeof offerRules)[number]

type Holder = Pick<Customer, 'products' | 'tier'>

const holds = (c: Holder, prefix: string): boolean =>
  c.products.some((p) => p.code.startsWith(prefix))
const holdsExactly = (c: Holder, code: string): boolean => c.products.some((p) => p.code === code)
const valuable = (c: Holder): boolean => c.tier === 'high_yield' || c.tier === 'high_potential'

const rules: readonly { offer: NextBestOffer; applies: (c: Holder) => boolean }[] = [
  {
    // Convergence keeps customers longest: fibre at home, mobile elsewhere.
    offer: { rule: 'fibre_without_mobile', kind: 'cross_sell', productCode: 'MOB-PLUS' },
    applies: (c) => holds(c, 'FIBER-') && !holds(c, 'MOB-')
  },
  {
    offer: { rule: 'basic_mobile_upgrade', kind: 'up_sell', productCode: 'MOB-PLUS' },
    applies: (c) => holdsExactly(c, 'MOB-BASIC') && !holdsExactly(c, 'MOB-PLUS')
  },
  {
    offer: { rule: 'high_yield_home_insurance', kind: 'cross_sell', productCode: 'INS-HOME' },
    applies: (c) => c.tier === 'high_yield' && !holdsExactly(c, 'INS-HOME')
  },
  {
    offer: { rule: 'fibre_speed_upgrade', kind: 'up_sell', productCode: 'FIBER-1G' },
    applies: (c) => valuable(c) && holdsExactly(c, 'FIBER-300') && !holdsExactly(c, 'FIBER-1G')
  },
  {
    offer: { rule: 'mobile_without_fibre', kind: 'cross_sell', productCode: 'FIBER-300' },
    applies: (c) => holds(c, 'MOB-') && !holds(c, 'FIBER-')
  }
]

/**
 * The offer to suggest, or null. Customers below zero (they cost more than they bring) get no
 * offer: the call should fix what is wrong, not sell.
 */
export function nextBestOffer(customer: Holder): NextBestOffer | null {
  if (customer.tier === 'below_zero') return null
  return rules.find((r) => r.applies(customer))?.offer ?? null
}
