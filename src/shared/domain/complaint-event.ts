/**
 * A complaint's timeline as clients pull it: lifecycle steps, notes, compensation granted,
 * requested, approved or rejected, with who and when. The case's creation is the complaint row
 * itself. `complaint.note` adds a note to it; escalations and assignments are in it too;
 * `complaint.update` an edit with its fields.
 */
import { z } from 'zod'

import { multilineText } from '../text/text-schemas'
import { editableComplaintFields } from './complaint-edit'
import { lifecycleActions } from './complaint-lifecycle'

export const compensationEventActions = [
  'compensation_granted',
  'compensation_requested',
  'compensation_approved',
  'compensation_rejected'
] as const

/** Who works the case: an agent escalated it to the lead; it was assigned, reassigned or taken. */
export const ownershipEventActions = ['escalated', 'assigned', 'reassigned', 'taken'] as const

export const complaintEventActions = [
  ...lifecycleActions,
  'note',
  ...compensationEventActions,
  ...ownershipEventActions,
  'edited'
] as const
export type ComplaintEventAction = (typeof complaintEventActions)[number]

export const complaintEventSchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  action: z.enum(complaintEventActions),
  fromStatus: z.string(),
  toStatus: z.string(),
  note: multilineText().nullable(),
  actorId: z.uuid(),
  at: z.iso.datetime(),
  compensationId: z.uuid().nullable(),
  /** Assignments: who works the case from then on. */
  assigneeId: z.uuid().nullable().default(null),
  /** Edits: which fields changed (`complaint.update`). */
  fields: z.array(z.enum(editableComplaintFields)).default([])
})
export type ComplaintEvent = z.infer<typeof complaintEventSchema>

export const complaintNoteArgsSchema = z.object({
  /** The timeline event's id, generated on the client so a retry is the same note. */
  id: z.uuid(),
  complaintId: z.uuid(),
  note: multilineText().trim().min(1).max(2000),
  at: z.iso.datetime()
})
export type ComplaintNoteArgs = z.infer<typeof complaintNoteArgsSchema>
