/**
 * A script run record: how one call went through its script — the path with the answers and the
 * time on each step, the outcome, and when each mandatory line was confirmed. Written by the
 * agent's app when the run ends, durable and synced; analytics on the server are built from it.
 */
import { z } from 'zod'

import { identifierText, lineText } from '../text/text-schemas'
import { answerValueSchema } from '../scripts/run-state'
import { languages } from './customer'

export const scriptRunStatuses = ['closed', 'abandoned'] as const

/** Enough for any real script; a runaway client cannot send an unbounded path. */
export const MAX_RUN_STEPS = 500

export const scriptRunStepSchema = z.strictObject({
  nodeId: identifierText().min(1).max(64),
  enteredAt: z.iso.datetime(),
  /** Time on the step until the next one (or the end of the run), in seconds. */
  seconds: z.number().min(0).max(86_400),
  answer: answerValueSchema.optional(),
  /**
   * An offer step that had something to offer: the product code. Its answer, when the agent
   * recorded one, is `accepted` or `declined`.
   */
  offered: identifierText().min(1).max(64).optional()
})
export type ScriptRunStep = z.infer<typeof scriptRunStepSchema>

const fields = z.strictObject({
  /** The call this run guided; null for a run outside a call (never recorded today). */
  callId: identifierText().min(1).max(256).nullable(),
  practice: z.boolean(),
  customerId: z.uuid().nullable(),
  scriptId: identifierText().min(1).max(64),
  scriptVersion: z.int().min(1),
  language: z.enum(languages),
  status: z.enum(scriptRunStatuses),
  /** The disposition of the end step, for a closed run. */
  outcome: identifierText().max(64).nullable(),
  abandonReason: lineText().max(200).nullable(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  steps: z.array(scriptRunStepSchema).min(1).max(MAX_RUN_STEPS),
  confirmations: z
    .array(z.strictObject({ nodeId: identifierText().min(1).max(64), at: z.iso.datetime() }))
    .max(MAX_RUN_STEPS)
})
type Fields = z.infer<typeof fields>

const consistent = <T extends z.ZodType<Fields>>(schema: T) =>
  schema
    .refine((r) => r.startedAt <= r.endedAt, 'endedAt is before startedAt')
    .refine(
      (r) => (r.status === 'closed') === (r.outcome !== null),
      'only a closed run has an outcome'
    )

/** What the page hands the data worker when a run ends. */
export const scriptRunRecordInputSchema = consistent(fields)
export type ScriptRunRecordInput = z.infer<typeof scriptRunRecordInputSchema>

export const scriptRunRecordArgsSchema = consistent(fields.extend({ id: z.uuid() }))
export type ScriptRunRecordArgs = z.infer<typeof scriptRunRecordArgsSchema>
