/**
 * Practice progress (issue 20, item 5): each practice call a trainee finishes is kept on the
 * server as a practice session, scored there from the records the call left (the same
 * `scorePractice` the desk shows at once). Trainers group trainees in cohorts and read, per
 * trainee, the sessions, the scores over time, the weakest steps and the certification per
 * scenario; per cohort, where most trainees fail. A trainee reads their own.
 *
 * The desk journals `practice_session.record` once the practice call's wrap-up is saved: the
 * scenario version it played and when it ended. Everything scored comes from the server's rows.
 *
 * Routes (trainers: the cohorts they lead and those cohorts' trainees; admins: all of them):
 * - `GET    /api/training/cohorts`, `POST` `{ name, traineeIds }`;
 * - `PUT    /api/training/cohorts/:cohortId` `{ name, traineeIds }`, `DELETE` it;
 * - `GET    /api/training/trainees`: who may join a cohort (agents);
 * - `GET    /api/training/cohorts/:cohortId/progress`;
 * - `GET    /api/training/trainees/:traineeId/progress`;
 * - `GET    /api/training/me/progress` (anyone signed in: their own);
 * - `GET    /api/training/sessions/:sessionId` (also the session's trainee).
 */
import { z } from 'zod'

import { identifierText, lineText } from '../text/text-schemas'
import { scoreWeights, type PracticeReport, type ScoreItemKind } from './practice-score'
import { roleplayFeedbackSchema } from './roleplay'
import { scenarioVersionParamsSchema } from './scenario-api'

export const TRAINING_PATH = '/api/training'

export const practiceModes = ['solo', 'roleplay'] as const
export type PracticeMode = (typeof practiceModes)[number]

/**
 * Certified on a scenario: this many passes at this percent or more on its current version (a
 * new version is a new test: the passes of older ones no longer count).
 */
export const certificationRule = { passes: 3, minPercent: 80 } as const

const scenarioRef = scenarioVersionParamsSchema.shape

/** What the desk journals once a practice call's wrap-up is saved. */
export const practiceSessionRecordInputSchema = z.strictObject({
  callId: identifierText().min(1).max(256),
  scenarioId: scenarioRef.scenarioId,
  scenarioVersion: z.int().min(1).max(2_147_483_647),
  mode: z.enum(practiceModes),
  endedAt: z.iso.datetime({ offset: true })
})
export type PracticeSessionRecordInput = z.infer<typeof practiceSessionRecordInputSchema>
export const practiceSessionRecordArgsSchema = practiceSessionRecordInputSchema.extend({
  id: z.uuid()
})
export type PracticeSessionRecordArgs = z.infer<typeof practiceSessionRecordArgsSchema>

const scoreItemKinds = Object.keys(scoreWeights) as [ScoreItemKind, ...ScoreItemKind[]]
const scoreValueSchema = z.union([z.string(), z.number(), z.null()])

export const scoreItemSchema = z.object({
  kind: z.enum(scoreItemKinds),
  nodeId: z.string().nullable(),
  passed: z.boolean(),
  points: z.number(),
  weight: z.number(),
  critical: z.boolean(),
  expected: scoreValueSchema,
  actual: scoreValueSchema
})

export const practiceReportSchema = z.object({
  items: z.array(scoreItemSchema),
  points: z.number(),
  possible: z.number(),
  percent: z.number(),
  threshold: z.number(),
  passed: z.boolean(),
  criticalFailures: z.array(scoreItemSchema)
}) satisfies z.ZodType<PracticeReport>

const localizedTitleSchema = z.object({ es: z.string().optional(), en: z.string().optional() })

export const traineeSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  /** The trainee's team name; null for someone in no team. */
  team: z.string().nullable()
})
export type Trainee = z.infer<typeof traineeSchema>

export const practiceSessionSummarySchema = z.object({
  id: z.uuid(),
  traineeId: z.uuid(),
  traineeName: z.string(),
  scenarioId: z.string(),
  scenarioVersion: z.number(),
  scenarioTitle: localizedTitleSchema,
  scriptId: z.string(),
  mode: z.enum(practiceModes),
  endedAt: z.string(),
  percent: z.number(),
  passed: z.boolean(),
  criticalFailures: z.number()
})
export type PracticeSessionSummary = z.infer<typeof practiceSessionSummarySchema>

export const practiceSessionDetailSchema = practiceSessionSummarySchema.extend({
  report: practiceReportSchema
})
export type PracticeSessionDetail = z.infer<typeof practiceSessionDetailSchema>

/** A scored point that was missed, over the sessions read: a step, or the complaint, grant… */
export const weakItemSchema = z.object({
  scenarioId: z.string(),
  scriptId: z.string(),
  kind: z.enum(scoreItemKinds),
  nodeId: z.string().nullable(),
  misses: z.number(),
  attempts: z.number(),
  /** How many different trainees missed it at least once. */
  trainees: z.number()
})
export type WeakItem = z.infer<typeof weakItemSchema>

export const certificationSchema = z.object({
  scenarioId: z.string(),
  scenarioTitle: localizedTitleSchema,
  /** The scenario's latest published version: only its sessions count. */
  currentVersion: z.number(),
  /** Sessions on the current version at `certificationRule.minPercent` or more, passed. */
  passes: z.number(),
  required: z.number(),
  certified: z.boolean(),
  /** When the last pass that certified was made; null while not certified. */
  certifiedAt: z.string().nullable(),
  /** The best percent on the current version; null with no session on it. */
  best: z.number().nullable()
})
export type Certification = z.infer<typeof certificationSchema>

export const traineeProgressSchema = z.object({
  trainee: traineeSchema,
  /** The trainers' feedback on the trainee's role-plays, newest first. */
  feedback: z.array(roleplayFeedbackSchema),
  /** Newest first. */
  sessions: z.array(practiceSessionSummarySchema),
  weakest: z.array(weakItemSchema),
  certifications: z.array(certificationSchema)
})
export type TraineeProgress = z.infer<typeof traineeProgressSchema>

export const cohortSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  trainerId: z.uuid(),
  trainerName: z.string(),
  trainees: z.array(traineeSchema)
})
export type Cohort = z.infer<typeof cohortSchema>
export const cohortListSchema = z.object({ cohorts: z.array(cohortSchema) })
export const traineeListSchema = z.object({ trainees: z.array(traineeSchema) })

export const MAX_COHORT_SIZE = 200
export const cohortBodySchema = z.strictObject({
  name: lineText().min(1).max(80),
  traineeIds: z.array(z.uuid()).max(MAX_COHORT_SIZE)
})
export type CohortBody = z.infer<typeof cohortBodySchema>
export const cohortParamsSchema = z.object({ cohortId: z.uuid() })
export const traineeParamsSchema = z.object({ traineeId: z.uuid() })
export const sessionParamsSchema = z.object({ sessionId: z.uuid() })

export const cohortTraineeRowSchema = z.object({
  trainee: traineeSchema,
  sessions: z.number(),
  lastAt: z.string().nullable(),
  lastPercent: z.number().nullable(),
  averagePercent: z.number().nullable(),
  /** Scenarios certified, of `scenarios`. */
  certified: z.number()
})
export type CohortTraineeRow = z.infer<typeof cohortTraineeRowSchema>

export const cohortProgressSchema = z.object({
  cohort: cohortSchema,
  rows: z.array(cohortTraineeRowSchema),
  /** Every published scenario not retired, as certification columns. */
  scenarios: z.array(
    z.object({ scenarioId: z.string(), version: z.number(), title: localizedTitleSchema })
  ),
  certifications: z.array(certificationSchema.extend({ traineeId: z.uuid() })),
  weakest: z.array(weakItemSchema)
})
export type CohortProgress = z.infer<typeof cohortProgressSchema>
