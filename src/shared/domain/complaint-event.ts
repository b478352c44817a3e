/**
 * A complaint's timeline as clients pull it: lifecycle steps, compensation granted, requested,
 * approved or rejected, with who and when. The case's creation is the complaint row itself.
 */
import { z } from 'zod'

import { lifecycleActions } from './complaint-lifecycle'

export const compensationEventActions = [
  'compensation_granted',
  'compensation_requested',
  'compensation_approved',
  'compensation_rejected'
] as const

export const complaintEventActions = [...lifecycleActions, ...compensationEventActions] as const
export type ComplaintEventAction = (typeof complaintEventActions)[number]

export const complaintEventSchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  action: z.enum(complaintEventActions),
  fromStatus: z.string(),
  toStatus: z.string(),
  note: z.string().nullable(),
  actorId: z.uuid(),
  at: z.iso.datetime(),
  compensationId: z.uuid().nullable()
})
export type ComplaintEvent = z.infer<typeof complaintEventSchema>
