/**
 * `complaint.transition`: one step of a complaint's life (start, resolve, close, reopen...),
 * validated on the server with {@link lifecycleTransition} and kept in the case's timeline.
 */
import { z } from 'zod'

import { multilineText } from '../text/text-schemas'
import { lifecycleActions } from './complaint-lifecycle'

export const complaintTransitionArgsSchema = z.object({
  /** The timeline event's id, generated on the client so a retry is the same event. */
  id: z.uuid(),
  complaintId: z.uuid(),
  action: z.enum(lifecycleActions),
  note: multilineText().trim().max(2000).nullable().default(null),
  at: z.iso.datetime()
})
export type ComplaintTransitionArgs = z.infer<typeof complaintTransitionArgsSchema>
