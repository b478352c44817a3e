/**
 * Complaints ("quejas y reclamos"): written by agents during or after a call, numbered by the
 * server with a case number once they arrive.
 */
import { z } from 'zod'

export const complaintCategories = [
  'billing',
  'service_quality',
  'product_defect',
  'delivery',
  'staff_courtesy',
  'other'
] as const
export type ComplaintCategory = (typeof complaintCategories)[number]

export const complaintStatuses = ['open', 'in_progress', 'resolved', 'closed'] as const

/** What the agent writes; the id is generated on the client so a retry is the same complaint. */
export const complaintCreateArgsSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid().nullable(),
  callId: z.string().max(128).nullable(),
  category: z.enum(complaintCategories),
  description: z.string().trim().min(3).max(4000),
  createdAt: z.iso.datetime()
})
export type ComplaintCreateArgs = z.infer<typeof complaintCreateArgsSchema>

/** The server's authoritative complaint. */
export const complaintSchema = complaintCreateArgsSchema.extend({
  caseNumber: z.string(),
  status: z.enum(complaintStatuses),
  agentId: z.uuid(),
  teamId: z.uuid().nullable(),
  receivedAt: z.string()
})
export type Complaint = z.infer<typeof complaintSchema>
