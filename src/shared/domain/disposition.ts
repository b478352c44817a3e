/**
 * A disposition: the wrap-up code the agent gives a call once it is over ("how did it end"),
 * with an optional note. One per call, durable and synced, linked to the call's interaction
 * record. Practice calls have no interaction record: their dispositions are flagged `practice`
 * and kept apart from production on the server.
 */
import { z } from 'zod'

import { identifierText, multilineText } from '../text/text-schemas'
import { configCodeSchema } from './configuration'

export const MAX_DISPOSITION_NOTE = 1000

const fields = z.strictObject({
  /** The call's id in the telephony layer. */
  callId: identifierText().min(1).max(256),
  /** The call's interaction record; null exactly for a practice call (which has none). */
  interactionId: z.uuid().nullable(),
  practice: z.boolean(),
  /** A configured disposition code. */
  code: configCodeSchema,
  note: multilineText().trim().max(MAX_DISPOSITION_NOTE),
  customerId: z.uuid().nullable(),
  recordedAt: z.iso.datetime()
})
type Fields = z.infer<typeof fields>

const consistent = <T extends z.ZodType<Fields>>(schema: T) =>
  schema.refine(
    (r) => r.practice === (r.interactionId === null),
    'a production disposition names its interaction; a practice one has none'
  )

/** What the page hands the data worker; the worker finds the call's interaction record. */
export const dispositionInputSchema = fields.omit({ interactionId: true, recordedAt: true })
export type DispositionInput = z.infer<typeof dispositionInputSchema>

/** The `disposition.record` mutation: the id makes a re-sent record the same record. */
export const dispositionRecordArgsSchema = consistent(fields.extend({ id: z.uuid() }))
export type DispositionRecordArgs = z.infer<typeof dispositionRecordArgsSchema>

/** The server's record: the agent and team come from the access token. */
export const dispositionSchema = z.object({
  id: z.uuid(),
  callId: z.string(),
  interactionId: z.uuid().nullable(),
  practice: z.boolean(),
  code: z.string(),
  note: multilineText(),
  customerId: z.uuid().nullable(),
  recordedAt: z.string(),
  agentId: z.uuid(),
  /** Null for a practice disposition by someone outside any team (a trainer). */
  teamId: z.uuid().nullable(),
  receivedAt: z.string()
})
export type Disposition = z.infer<typeof dispositionSchema>
