/**
 * Which complaints a list shows: one agent's own or the whole visible queue, narrowed by status,
 * severity and SLA breach.
 */
import { z } from 'zod'

import { lifecycleStatuses } from './complaint-lifecycle'
import { severities } from './complaint-severity'

export const complaintFilterSchema = z.object({
  /** Only this agent's complaints (one written on this client and not yet synced counts). */
  agentId: z.uuid().nullable().default(null),
  status: z.enum(lifecycleStatuses).nullable().default(null),
  severity: z.enum(severities).nullable().default(null),
  /** Only cases still counting against the SLA whose due time has passed. */
  breachedOnly: z.boolean().default(false)
})
export type ComplaintFilter = z.infer<typeof complaintFilterSchema>
export type ComplaintFilterInput = z.input<typeof complaintFilterSchema>
