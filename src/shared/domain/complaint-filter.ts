/**
 * Which complaints a list shows: one agent's own or the whole visible queue, narrowed by status,
 * severity, SLA breach, category, channel and the customer's value tier, and searched by case number,
 * customer name and description (accent and case-insensitive).
 */
import { z } from 'zod'

import { complaintChannels } from './complaint'
import { lifecycleStatuses } from './complaint-lifecycle'
import { severities } from './complaint-severity'
import { configCodeSchema } from './configuration'
import { valueTiers } from './customer'

export const complaintFilterSchema = z.object({
  /** Only this agent's complaints (one written on this client and not yet synced counts). */
  agentId: z.uuid().nullable().default(null),
  status: z.enum(lifecycleStatuses).nullable().default(null),
  severity: z.enum(severities).nullable().default(null),
  /** Only cases still counting against the SLA whose due time has passed. */
  breachedOnly: z.boolean().default(false),
  /** A configured top-level category code. */
  category: configCodeSchema.nullable().default(null),
  /** Where the customer complained (complaints filed before channels were asked never match). */
  channel: z.enum(complaintChannels).nullable().default(null),
  /** The customer's value tier as cached here (complaints without a customer never match). */
  tier: z.enum(valueTiers).nullable().default(null),
  /** Only those filed on this call (a practice call's score reads its own). */
  callId: z.string().min(1).max(256).nullable().default(null),
  /** Text anywhere in the case number, the customer's name or the description. */
  search: z.string().max(200).default('')
})
export type ComplaintFilter = z.infer<typeof complaintFilterSchema>
export type ComplaintFilterInput = z.input<typeof complaintFilterSchema>
