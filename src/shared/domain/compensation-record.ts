/**
 * Compensation on a complaint as it travels: the agent's grant (`compensation.grant`), the
 * lead's decision on a request above authority (`compensation.decide`), and the compensation
 * row every client of the team pulls. The server decides authority again on every grant with its
 * own data; `expected` only says what the agent's screen showed.
 */
import { z } from 'zod'

import { multilineText } from '../text/text-schemas'
import { compensationTypes } from './configuration'
import { currencySchema } from './compensation'
import { valueTiers } from './customer'
import { practiceMarkShape } from '../practice/practice-mark'

export const compensationStatuses = ['granted', 'pending', 'approved', 'rejected'] as const
export type CompensationStatus = (typeof compensationStatuses)[number]

/** Why a grant needed a lead: the authority decision's reasons, or a currency the limits lack. */
export const approvalReasons = [
  'over_single_limit',
  'over_agent_daily_cap',
  'over_customer_daily_cap',
  'other_currency'
] as const
export type ApprovalReason = (typeof approvalReasons)[number]

/** Positive, in the currency's major unit, two decimals at most. */
export const compensationAmountSchema = z
  .number()
  .positive()
  .max(1_000_000)
  .refine((n) => Math.round(n * 100) === n * 100, 'at most two decimals')

export const compensationGrantArgsSchema = z.object({
  /** The compensation's id, generated on the client so a retry is the same grant. */
  id: z.uuid(),
  complaintId: z.uuid(),
  type: z.enum(compensationTypes),
  amount: compensationAmountSchema,
  currency: currencySchema,
  /** Why the customer gets it: read by the lead who approves, kept in the timeline. */
  reason: multilineText().trim().min(1).max(2000),
  /** What the agent's screen decided; the server decides again and its answer wins. */
  expected: z.enum(['granted', 'pending']),
  at: z.iso.datetime()
})
export type CompensationGrantArgs = z.infer<typeof compensationGrantArgsSchema>

export const compensationDecisions = ['approve', 'reject'] as const
export type CompensationDecision = (typeof compensationDecisions)[number]

export const compensationDecideArgsSchema = z
  .object({
    /** The timeline event's id, generated on the client so a retry is the same decision. */
    id: z.uuid(),
    compensationId: z.uuid(),
    decision: z.enum(compensationDecisions),
    /** Required to reject: the agent and the customer are owed an explanation. */
    reason: multilineText().trim().max(2000),
    at: z.iso.datetime()
  })
  .refine((a) => a.decision === 'approve' || a.reason.length > 0, {
    message: 'a rejection needs a reason',
    path: ['reason']
  })
export type CompensationDecideArgs = z.infer<typeof compensationDecideArgsSchema>

/** A compensation as the server keeps it and every client of the team pulls it. */
export const compensationSchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  /** Null on a practice compensation: it follows its complaint and names the persona. */
  customerId: z.uuid().nullable(),
  ...practiceMarkShape,
  teamId: z.uuid().nullable(),
  type: z.enum(compensationTypes),
  amount: z.number(),
  currency: currencySchema,
  reason: multilineText(),
  /** The customer's value tier when it was granted, as the server knew it. */
  tier: z.enum(valueTiers),
  status: z.enum(compensationStatuses),
  /** Why it needed approval; null when granted within authority. */
  approvalReason: z.enum(approvalReasons).nullable(),
  requestedBy: z.uuid(),
  requestedAt: z.iso.datetime(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionReason: multilineText().nullable()
})
export type Compensation = z.infer<typeof compensationSchema>

/**
 * Who may decide a request: a lead of the request's team or an admin (on a practice request, a
 * trainer: a real lead never sees practice), never on their own request (four eyes); and only
 * while it is pending.
 */
export function decisionRefusal(
  actor: { userId: string; role: string; teamId: string | null },
  compensation: Pick<Compensation, 'teamId' | 'status' | 'requestedBy' | 'practice'>
): 'forbidden' | 'own_request' | 'already_decided' | null {
  const leadsIt = compensation.practice
    ? actor.role === 'trainer'
    : actor.role === 'team_lead' && actor.teamId !== null && actor.teamId === compensation.teamId
  const mayDecide = actor.role === 'admin' || leadsIt
  if (!mayDecide) return 'forbidden'
  if (compensation.requestedBy === actor.userId) return 'own_request'
  if (compensation.status !== 'pending') return 'already_decided'
  return null
}
