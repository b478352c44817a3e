/**
 * An evaluation: one evaluator's answers to one version of a form about one agent's call, and
 * what happened to it since. The evaluator saves drafts (offline like every record), then
 * releases it to the agent, who acknowledges it or disputes it with a comment; the evaluator (or
 * another lead of the team, or an admin) resolves the dispute, keeping the score or re-scoring,
 * with a reason. A calibration evaluation is one of several scoring the same call to compare
 * evaluators: it is submitted, never released, and never counted in the figures.
 *
 * Visibility (enforced by the server's change log): a draft or calibration evaluation reaches its
 * evaluator and the team's leads; from release on, the agent too. Training evaluations (practice
 * calls) live in the practice scope: trainers and admins; never in production figures.
 */
import { z } from 'zod'

import { identifierText, lineText, multilineText } from '../text/text-schemas'
import { evaluationAnswersSchema } from './answers'
import { evaluationDimensions } from './dimensions'
import { formDefinitionSchema, formKinds } from './form-schema'

export const MAX_EVALUATION_COMMENT = 2000

export const evaluationStates = [
  'draft',
  'submitted',
  'released',
  'acknowledged',
  'disputed',
  'resolved'
] as const
export type EvaluationState = (typeof evaluationStates)[number]

/** The states the agent sees (everything from release on). */
export const releasedStates: readonly EvaluationState[] = [
  'released',
  'acknowledged',
  'disputed',
  'resolved'
]

export const evaluationActions = [
  'created',
  'rescored',
  'submitted',
  'released',
  'acknowledged',
  'disputed',
  'resolved_kept',
  'resolved_rescored'
] as const
export type EvaluationAction = (typeof evaluationActions)[number]

export const resolveDecisions = ['kept', 'rescored'] as const
export type ResolveDecision = (typeof resolveDecisions)[number]

const commentText = () => multilineText().trim().max(MAX_EVALUATION_COMMENT)

/** The `evaluation.save` mutation: creates the draft, or replaces a draft's answers. */
export const evaluationSaveArgsSchema = z.strictObject({
  id: z.uuid(),
  formId: identifierText().min(1).max(64),
  formVersion: z.int().min(1),
  agentId: z.uuid(),
  /** The call's id (the interaction's `callId`); the same call may be evaluated while live. */
  callId: identifierText().min(1).max(256),
  /** The call's interaction record when it exists (a live call has none yet). */
  interactionId: z.uuid().nullable(),
  practice: z.boolean(),
  calibration: z.boolean(),
  answers: evaluationAnswersSchema,
  comment: commentText(),
  savedAt: z.iso.datetime()
})
export type EvaluationSaveArgs = z.infer<typeof evaluationSaveArgsSchema>

/** What the page hands the worker to save (the worker adds the id of a new one, and the time). */
export const evaluationSaveInputSchema = evaluationSaveArgsSchema
  .omit({ id: true, savedAt: true })
  .extend({ id: z.uuid().optional() })
export type EvaluationSaveInput = z.infer<typeof evaluationSaveInputSchema>

/** `evaluation.release`: a draft goes to the agent (a calibration one is submitted instead). */
export const evaluationReleaseArgsSchema = z.strictObject({ id: z.uuid(), at: z.iso.datetime() })
export type EvaluationReleaseArgs = z.infer<typeof evaluationReleaseArgsSchema>

/** `evaluation.acknowledge`: the agent read it and accepts it. */
export const evaluationAcknowledgeArgsSchema = evaluationReleaseArgsSchema
export type EvaluationAcknowledgeArgs = EvaluationReleaseArgs

/** `evaluation.dispute`: the agent does not accept it, and says why. */
export const evaluationDisputeArgsSchema = z.strictObject({
  id: z.uuid(),
  at: z.iso.datetime(),
  comment: commentText().min(1)
})
export type EvaluationDisputeArgs = z.infer<typeof evaluationDisputeArgsSchema>

/** `evaluation.resolve`: the dispute answered, the score kept or the answers re-scored. */
export const evaluationResolveArgsSchema = z
  .strictObject({
    id: z.uuid(),
    at: z.iso.datetime(),
    decision: z.enum(resolveDecisions),
    reason: commentText().min(1),
    /** The new answers, for `rescored` only. */
    answers: evaluationAnswersSchema.nullable()
  })
  .refine(
    (r) => (r.decision === 'rescored') === (r.answers !== null),
    'a re-score carries the new answers; keeping the score carries none'
  )
export type EvaluationResolveArgs = z.infer<typeof evaluationResolveArgsSchema>

export const evaluationHistoryEntrySchema = z.object({
  at: z.string(),
  actorId: z.uuid(),
  actorName: lineText(),
  action: z.enum(evaluationActions),
  comment: multilineText(),
  /** The score after this step (null while nothing counted). */
  percent: z.number().nullable(),
  criticalFailed: z.boolean()
})
export type EvaluationHistoryEntry = z.infer<typeof evaluationHistoryEntrySchema>

export const evaluationScoreSummarySchema = z.object({
  percent: z.number().nullable(),
  earned: z.number(),
  possible: z.number(),
  criticalFailed: z.boolean(),
  passed: z.boolean(),
  complete: z.boolean(),
  sections: z.array(
    z.object({
      sectionId: z.string(),
      dimension: z.enum(evaluationDimensions).nullable(),
      percent: z.number().nullable(),
      failed: z.boolean()
    })
  )
})
export type EvaluationScoreSummary = z.infer<typeof evaluationScoreSummarySchema>

/** The server's evaluation, sent whole on every change: the latest wins. */
export const evaluationSchema = z.object({
  id: z.uuid(),
  formId: z.string(),
  formVersion: z.number(),
  kind: z.enum(formKinds),
  agentId: z.uuid(),
  agentName: lineText(),
  /** The agent's team; the practice scope's id for training evaluations. */
  teamId: z.uuid().nullable(),
  evaluatorId: z.uuid(),
  evaluatorName: lineText(),
  callId: z.string(),
  interactionId: z.uuid().nullable(),
  practice: z.boolean(),
  calibration: z.boolean(),
  state: z.enum(evaluationStates),
  answers: evaluationAnswersSchema,
  comment: multilineText(),
  score: evaluationScoreSummarySchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  releasedAt: z.string().nullable(),
  dispute: z.object({ at: z.string(), comment: multilineText() }).nullable(),
  resolution: z
    .object({
      at: z.string(),
      decision: z.enum(resolveDecisions),
      reason: multilineText(),
      byId: z.uuid(),
      byName: lineText()
    })
    .nullable(),
  history: z.array(evaluationHistoryEntrySchema)
})
export type Evaluation = z.infer<typeof evaluationSchema>

/** A published form version as every desk pulls it (shared configuration; never changes). */
export const publishedFormSchema = z.object({
  formId: z.string(),
  version: z.number(),
  kind: z.enum(formKinds),
  definition: formDefinitionSchema,
  publishedAt: z.string(),
  /** An admin retired the form: kept for the evaluations that name it, offered for no new one. */
  retired: z.boolean()
})
export type PublishedForm = z.infer<typeof publishedFormSchema>
