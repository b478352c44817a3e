/**
 * Complaints ("quejas y reclamos"): written by agents during or after a call, numbered by the
 * server with a case number once they arrive.
 */
import { z } from 'zod'

import { DEFAULT_SLA_HOURS, severities, slaDueAt, type SlaHours } from './complaint-severity'
import { lifecycleStatuses } from './complaint-lifecycle'
import { identifierText, lineText, multilineText } from '../text/text-schemas'
import { configCodeSchema } from './configuration'
import { qualityDimensions } from './quality-dimensions'
import { practiceMarkShape } from '../practice/practice-mark'

export const complaintCategories = [
  'billing',
  'service_quality',
  'product_defect',
  'delivery',
  'staff_courtesy',
  'other'
] as const
export type ComplaintCategory = (typeof complaintCategories)[number]

export const complaintStatuses = lifecycleStatuses

const freeText = lineText().trim().max(2000)

/** Where the customer complained (the form proposes the phone while a call is on). */
export const complaintChannels = [
  'phone',
  'email',
  'chat',
  'web',
  'in_person',
  'social',
  'other'
] as const
export type ComplaintChannel = (typeof complaintChannels)[number]

/** The same limits as a product on the customer's card. */
export const PRODUCT_CODE_MAX = 32
export const PRODUCT_NAME_MAX = 120
export const productCodeSchema = identifierText().trim().min(1).max(PRODUCT_CODE_MAX)
export const productNameSchema = lineText().trim().max(PRODUCT_NAME_MAX)

/**
 * What the richer form adds. Every field has a default, so an outbox written before the form had
 * them still validates (and means what it meant: medium severity, nothing else said).
 */
export const complaintDetailsSchema = z.object({
  subcategory: configCodeSchema.nullable().default(null),
  severity: z.enum(severities).default('medium'),
  qualityDimension: z.enum(qualityDimensions).nullable().default(null),
  expected: freeText.default(''),
  received: freeText.default(''),
  requestedRemedy: freeText.default(''),
  /**
   * The product or service complained about: the code of one of the customer's products (null
   * when typed freely or none) and its name as it was then, kept even if the card changes.
   */
  productCode: productCodeSchema.nullable().default(null),
  productName: productNameSchema.default(''),
  /** Null on complaints filed before the channel was asked. */
  channel: z.enum(complaintChannels).nullable().default(null)
})
export type ComplaintDetails = z.infer<typeof complaintDetailsSchema>
/** The details as a caller may give them (any omitted field takes its default). */
export type ComplaintDetailsInput = z.input<typeof complaintDetailsSchema>

/**
 * What the agent writes; the id is generated on the client so a retry is the same complaint.
 * Categories are configuration (the server checks the code exists); the built-in list is what a
 * fresh install seeds and what scripts may name.
 */
export const complaintCreateArgsSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid().nullable(),
    callId: identifierText().max(128).nullable(),
    category: configCodeSchema,
    description: multilineText().trim().min(3).max(4000),
    createdAt: z.iso.datetime(),
    /**
     * Filed on a practice call: names the scenario's persona and no customer (see
     * practice/practice-mark.ts), goes to trainers and its author only, never in figures.
     */
    ...practiceMarkShape
  })
  .extend(complaintDetailsSchema.shape)
export type ComplaintCreateArgs = z.infer<typeof complaintCreateArgsSchema>

/** The server's authoritative complaint. */
export const complaintSchema = complaintCreateArgsSchema.extend({
  // Rows the server already holds are cleaned, never refused: one old row must not fail a pull.
  callId: lineText().max(128).nullable(),
  productCode: lineText().max(PRODUCT_CODE_MAX).nullable().default(null),
  caseNumber: z.string(),
  status: z.enum(complaintStatuses),
  agentId: z.uuid(),
  teamId: z.uuid().nullable(),
  receivedAt: z.string(),
  /** When it must be resolved; null on complaints filed before severities existed. */
  dueAt: z.string().nullable().default(null),
  /** Who works the case when someone was assigned; null: whoever filed it. */
  assigneeId: z.uuid().nullable().default(null),
  /** When an agent escalated it to the team lead (null when not, or answered by an assignment). */
  escalatedAt: z.string().nullable().default(null),
  escalationReason: multilineText().nullable().default(null)
})
export type Complaint = z.infer<typeof complaintSchema>

/**
 * The due time of a complaint: severity hours after it was filed. The server and the worker
 * compute it the same way, so the optimistic row shows what the server will store.
 */
export function complaintDueAt(
  createdAt: string,
  severity: ComplaintDetails['severity'],
  hours: SlaHours = DEFAULT_SLA_HOURS
): string {
  return slaDueAt(createdAt, severity, hours)
}
