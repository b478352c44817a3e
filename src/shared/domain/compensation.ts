/**
 * Compensation within authority: how much an agent may grant a customer at once is set per role
 * and customer value tier, with daily caps per agent and per customer. Within authority the
 * grant is immediate; above it, a team lead approves. The server runs the same decision on every
 * grant, so a tampered client cannot grant more.
 */
import { z } from 'zod'

import { compensationTypes, type CompensationLimits } from './configuration'
import type { ValueTier } from './customer'
import type { Role } from './user'

export type CompensationType = (typeof compensationTypes)[number]

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')

export const compensationRequestSchema = z.strictObject({
  type: z.enum(compensationTypes),
  /** In the currency's major unit, two decimals at most. */
  amount: z
    .number()
    .min(0)
    .max(1_000_000)
    .refine((n) => Math.round(n * 100) === n * 100, 'at most two decimals'),
  currency: currencySchema
})
export type CompensationRequest = z.infer<typeof compensationRequestSchema>

export interface GrantContext {
  role: Role
  tier: ValueTier
  /** What this person already granted today (all customers), in the same currency. */
  grantedTodayByAgent: number
  /** What this customer already received today. */
  grantedTodayToCustomer: number
}

export type AuthorityDecision =
  | { within: true }
  | {
      within: false
      reason: 'over_single_limit' | 'over_agent_daily_cap' | 'over_customer_daily_cap'
      /** The most this person could grant right now (0 when nothing). */
      available: number
    }

const cents = (n: number): number => Math.round(n * 100)

/**
 * Decides whether `amount` (in the limits' currency) is within the authority of the person
 * granting it, by the configured limits: a role × tier with no entry has no authority at all,
 * a role with no daily cap has none.
 */
export function decideAuthority(
  limits: CompensationLimits,
  context: GrantContext,
  amount: number
): AuthorityDecision {
  const single =
    limits.perGrant.find((l) => l.role === context.role && l.tier === context.tier)?.maxAmount ?? 0
  const agentCap = limits.dailyCapPerAgent.find((c) => c.role === context.role)?.maxAmount
  const agentLeft = agentCap === undefined ? Infinity : agentCap - context.grantedTodayByAgent
  const customerLeft = limits.dailyCapPerCustomer - context.grantedTodayToCustomer
  const available = Math.max(0, Math.min(single, agentLeft, customerLeft))
  // Compare in cents: 0.1 + 0.2 must not exceed a limit of 0.3.
  if (cents(amount) > cents(single))
    return { within: false, reason: 'over_single_limit', available }
  if (cents(amount) > cents(agentLeft)) {
    return { within: false, reason: 'over_agent_daily_cap', available }
  }
  if (cents(amount) > cents(customerLeft)) {
    return { within: false, reason: 'over_customer_daily_cap', available }
  }
  return { within: true }
}

/** The outcome of a grant: at once within authority, else a request for a lead. */
export type GrantOutcome =
  | { status: 'granted'; approvalReason: null }
  | { status: 'pending'; approvalReason: GrantApprovalReason }

export type GrantApprovalReason =
  Exclude<AuthorityDecision, { within: true }>['reason'] | 'other_currency'

/**
 * Decides a grant as client and server both do: an amount in a currency the limits are not set
 * in cannot be measured against them, so it always goes to a lead.
 */
export function decideGrant(
  limits: CompensationLimits,
  context: GrantContext,
  grant: { amount: number; currency: string }
): GrantOutcome {
  if (grant.currency !== limits.currency) {
    return { status: 'pending', approvalReason: 'other_currency' }
  }
  const decision = decideAuthority(limits, context, grant.amount)
  return decision.within
    ? { status: 'granted', approvalReason: null }
    : { status: 'pending', approvalReason: decision.reason }
}
