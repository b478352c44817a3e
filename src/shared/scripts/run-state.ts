/**
 * The state of one script run: plain JSON, so the app can journal it, sync it and rebuild the
 * runner after a restart. `runStateSchema` validates a stored or received state before use.
 *
 * `path` is the agent's history as a stack: `back` pops it, answers live on its steps, and each
 * step carries the jump stack that was active there, so undoing a return re-enters the jump.
 * `log` is append-only: every accepted event with its time, including steps later undone.
 */
import { z } from 'zod'

import { multilineText } from '../text/text-schemas'
import { languages } from '../domain/customer'
import { effectSchema } from './effects'

export const answerValueSchema = z.union([multilineText().max(4000), z.number(), z.boolean()])
export type AnswerValue = z.infer<typeof answerValueSchema>

export const runEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('answer'), value: answerValueSchema }),
  // 1-based, as the agent presses 1–9 (0 is the tenth); yes/no questions are 1 = yes, 2 = no.
  z.strictObject({ type: z.literal('chooseOption'), index: z.int() }),
  z.strictObject({ type: z.literal('confirm'), nodeId: z.string().optional() }),
  z.strictObject({ type: z.literal('next') }),
  z.strictObject({ type: z.literal('back') }),
  z.strictObject({ type: z.literal('jump'), jumpId: z.string() }),
  z.strictObject({ type: z.literal('returnFromJump') }),
  z.strictObject({ type: z.literal('close') }),
  z.strictObject({ type: z.literal('abandon'), reason: z.string().max(200).optional() })
])
export type RunEvent = z.infer<typeof runEventSchema>

const jumpFrameSchema = z.strictObject({ jumpId: z.string(), returnTo: z.string() })
export type JumpFrame = z.infer<typeof jumpFrameSchema>

export const stepViaValues = ['start', 'next', 'option', 'branch', 'jump', 'return'] as const

const pathStepSchema = z.strictObject({
  nodeId: z.string(),
  enteredAt: z.iso.datetime(),
  via: z.enum(stepViaValues),
  jumps: z.array(jumpFrameSchema),
  answer: answerValueSchema.optional(),
  answeredAt: z.iso.datetime().optional(),
  /** For a branch step: the index of the rule taken, or -1 for the default. */
  rule: z.int().min(-1).optional()
})
export type PathStep = z.infer<typeof pathStepSchema>

const emittedEffectSchema = z.strictObject({
  /** Unique in the run, in emission order. */
  id: z.string(),
  /**
   * The action node's id: an effect with a key already carried out supersedes it (the agent went
   * back and came through the action again), so the app updates instead of repeating.
   */
  key: z.string(),
  at: z.iso.datetime(),
  effect: effectSchema
})
export type EmittedEffect = z.infer<typeof emittedEffectSchema>

export const runStatuses = ['open', 'closed', 'abandoned'] as const

export const runStateSchema = z.strictObject({
  scriptId: z.string(),
  scriptVersion: z.int().min(1),
  language: z.enum(languages),
  status: z.enum(runStatuses),
  startedAt: z.iso.datetime(),
  path: z.array(pathStepSchema).min(1),
  confirmations: z.array(z.strictObject({ nodeId: z.string(), at: z.iso.datetime() })),
  effects: z.array(emittedEffectSchema),
  log: z.array(z.strictObject({ at: z.iso.datetime(), event: runEventSchema })),
  closedAt: z.iso.datetime().optional(),
  outcome: z.string().optional(),
  abandonReason: z.string().optional()
})
export type RunState = z.infer<typeof runStateSchema>

/** The step the agent is on: always the top of the path. */
export function currentStep(state: RunState): PathStep {
  const top = state.path[state.path.length - 1]
  // The schema and every transition keep the path non-empty.
  if (!top) throw new Error('a run state has an empty path')
  return top
}
