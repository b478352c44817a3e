/**
 * A visual whisper: a lead's short message to an agent during the day (often during a call),
 * shown on the agent's desk until acknowledged. Either text ("Ofrécele la retención") or a
 * suggested jump of the running script (the retention offer), with an optional note. One that
 * answers the agent's raised hand lowers it. Durable and synced, private to the agent and the
 * team's leads, and kept with the call's record by its call id.
 */
import { z } from 'zod'

import { identifierText, lineText } from '../text/text-schemas'

export const MAX_WHISPER_TEXT = 280
export const whisperKinds = ['text', 'jump'] as const
export type WhisperKind = (typeof whisperKinds)[number]

const fields = z.strictObject({
  agentId: z.uuid(),
  /** The call's id on the agent's desk (its interaction record's `callId`); null between calls. */
  callId: identifierText().min(1).max(256).nullable(),
  kind: z.enum(whisperKinds),
  /** The message; for a jump, an optional note ('' for none). */
  text: lineText().trim().max(MAX_WHISPER_TEXT),
  /** The script's jump (`kind: 'jump'` only) and its label as the lead saw it. */
  jumpId: identifierText().min(1).max(100).nullable(),
  jumpLabel: lineText().trim().max(120).nullable(),
  /** It answers the agent's raised hand: the desk lowers the hand when it arrives. */
  answersHand: z.boolean()
})
type Fields = z.infer<typeof fields>

/** A text whisper says something; a jump names where to go, and nothing else names one. */
const consistent = <T extends z.ZodType<Fields>>(schema: T) =>
  schema.refine(
    (w) =>
      w.kind === 'text'
        ? w.text.length > 0 && w.jumpId === null && w.jumpLabel === null
        : w.jumpId !== null && w.jumpLabel !== null && w.jumpLabel.length > 0,
    'a text whisper needs its text; a jump whisper needs its jump and label'
  )

/** What the page hands the data worker. */
export const whisperInputSchema = consistent(fields)
export type WhisperInput = z.infer<typeof whisperInputSchema>

/** The `whisper.send` mutation: the id makes a re-sent whisper the same whisper. */
export const whisperSendArgsSchema = consistent(
  fields.extend({ id: z.uuid(), sentAt: z.iso.datetime() })
)
export type WhisperSendArgs = z.infer<typeof whisperSendArgsSchema>

/** The `whisper.acknowledge` mutation: `id` is the whisper's. */
export const whisperAcknowledgeArgsSchema = z.strictObject({
  id: z.uuid(),
  acknowledgedAt: z.iso.datetime()
})
export type WhisperAcknowledgeArgs = z.infer<typeof whisperAcknowledgeArgsSchema>

/** The server's whisper, sent whole on every change (sent, acknowledged): the latest wins. */
export const whisperSchema = z.object({
  id: z.uuid(),
  agentId: z.uuid(),
  teamId: z.uuid(),
  leadId: z.uuid(),
  leadName: lineText(),
  callId: z.string().nullable(),
  kind: z.enum(whisperKinds),
  text: lineText(),
  jumpId: z.string().nullable(),
  jumpLabel: lineText().nullable(),
  answersHand: z.boolean(),
  sentAt: z.string(),
  acknowledgedAt: z.string().nullable()
})
export type Whisper = z.infer<typeof whisperSchema>
