/**
 * An interaction record: one call as it happened, written by the agent's app when the call
 * ends, durable and synced like any other record. KPIs (handle time, answer rate) come from it.
 */
import { z } from 'zod'

import { monitorModeSchema } from '../monitoring/monitoring'
import { identifierText, lineText } from '../text/text-schemas'
export const interactionResults = ['answered', 'missed', 'declined', 'failed'] as const
export type InteractionResult = (typeof interactionResults)[number]

/**
 * Whom the call was with. A call with a colleague (matched from the directory) is kept as a fact
 * of the agent's day but is no customer interaction: customer figures count `customer` only.
 * Absent in records written before protocol 9, which were all counted as customers.
 */
export const interactionParties = ['customer', 'colleague'] as const
export type InteractionParty = (typeof interactionParties)[number]

/**
 * Who monitored the call (docs/monitoring.md), one entry per monitoring session, for the call's
 * record ("Supervisada por Carla Méndez"). Absent in records written before protocol 11.
 */
export const interactionMonitorsSchema = z
  .array(
    z.strictObject({
      sessionId: z.uuid(),
      leadId: z.uuid(),
      leadName: lineText().min(1).max(120),
      modes: z.array(monitorModeSchema).min(1).max(3)
    })
  )
  .max(10)
export type InteractionMonitors = z.infer<typeof interactionMonitorsSchema>

/** A call as the app saw it; `id` is added by the store that journals it. */
const interactionFieldsSchema = z.object({
  /** The call's id in the telephony layer. */
  callId: identifierText().min(1).max(256),
  direction: z.enum(['inbound', 'outbound']),
  /** The remote party as signalled; hostile input, kept for the record, shown only as text. */
  remoteNumber: lineText().max(128),
  remoteE164: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/)
    .nullable(),
  customerId: z.uuid().nullable(),
  ringAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime(),
  holdSeconds: z.number().min(0).max(86_400),
  result: z.enum(interactionResults),
  endedBy: z.enum(['local', 'remote', 'system']).nullable(),
  party: z.enum(interactionParties).optional(),
  monitoredBy: interactionMonitorsSchema.optional()
})

type InteractionFields = z.infer<typeof interactionFieldsSchema>
const consistent = <T extends z.ZodType<InteractionFields>>(schema: T) =>
  schema
    .refine((r) => r.ringAt <= r.endedAt, 'endedAt is before ringAt')
    .refine(
      (r) => r.answeredAt === null || r.result === 'answered',
      'only answered calls have answeredAt'
    )

/** What the page hands the data worker when a call ends. */
export const interactionRecordInputSchema = consistent(interactionFieldsSchema)

export const interactionRecordArgsSchema = consistent(
  interactionFieldsSchema.extend({ id: z.uuid() })
)
export type InteractionRecordArgs = z.infer<typeof interactionRecordArgsSchema>

/** The server's record: the agent and team come from the access token. */
export const interactionSchema = z.object({
  id: z.uuid(),
  callId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  remoteNumber: lineText(),
  remoteE164: z.string().nullable(),
  customerId: z.uuid().nullable(),
  ringAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string(),
  holdSeconds: z.number(),
  result: z.enum(interactionResults),
  endedBy: z.enum(['local', 'remote', 'system']).nullable(),
  party: z.enum(interactionParties).optional(),
  monitoredBy: interactionMonitorsSchema.optional(),
  agentId: z.uuid(),
  teamId: z.uuid(),
  receivedAt: z.string()
})
export type Interaction = z.infer<typeof interactionSchema>
