/**
 * The evaluation routes' bodies and answers (beside the sync routes, which carry the records):
 * an admin's form versions, the facts of a call to score, and the figures.
 */
import { z } from 'zod'

import { complaintSchema } from '../domain/complaint'
import { customerSchema } from '../domain/customer'
import { dispositionSchema } from '../domain/disposition'
import { interactionSchema } from '../domain/interaction'
import { adherenceFactsSchema } from './adherence'
import { evaluationDimensions } from './dimensions'
import { formKinds, MAX_FORM_SOURCE_BYTES } from './form-schema'
import { formIssueCodes } from './validate-form'
import { findingDetailSchema } from '../yaml/finding-detail'

// ---- Forms (admins) ------------------------------------------------------------------------

export const formSourceBodySchema = z.object({
  source: z.string().min(1).max(MAX_FORM_SOURCE_BYTES)
})

export const locatedFormIssueSchema = z.object({
  code: z.enum(formIssueCodes),
  message: z.string(),
  questionId: z.string().nullable(),
  path: z.array(z.union([z.string(), z.number()])),
  line: z.number(),
  column: z.number(),
  /** The message as a key and its values, for the UI's language (absent from older servers). */
  detail: findingDetailSchema.optional()
})

/** 400 on upload: every finding, on its line. */
export const formRejectedSchema = z.object({
  code: z.literal('invalid_form'),
  message: z.string(),
  issues: z.array(locatedFormIssueSchema)
})

export const formVersionStatuses = ['draft', 'published'] as const

export const formVersionSchema = z.object({
  formId: z.string(),
  version: z.number(),
  kind: z.enum(formKinds),
  /** The title in the centre's languages ({ es, en }). */
  title: z.object({ es: z.string().optional(), en: z.string().optional() }),
  status: z.enum(formVersionStatuses),
  retired: z.boolean(),
  source: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
  publishedAt: z.string().nullable(),
  /** How many evaluations name this version (a published one is never edited, only succeeded). */
  evaluations: z.number()
})
export type FormVersion = z.infer<typeof formVersionSchema>

export const formVersionListSchema = z.object({ versions: z.array(formVersionSchema) })

export const formVersionParamsSchema = z.object({
  formId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  version: z.coerce.number().int().min(1).max(2_147_483_647)
})
export const formParamsSchema = formVersionParamsSchema.pick({ formId: true })
/** POST /api/evaluation-forms/:formId/retire body: retire (true) or bring back (false). */
export const formRetireBodySchema = z.object({ retired: z.boolean() })

// ---- A call to score ---------------------------------------------------------------------

export const callContextQuerySchema = z.object({
  agentId: z.uuid(),
  callId: z.string().min(1).max(256),
  /** The language the script's step titles are given in (the evaluator's). */
  language: z.enum(['es', 'en']).default('es')
})
export type CallContextQuery = z.infer<typeof callContextQuerySchema>

/**
 * Everything the evaluator reads beside the form: the agent, the call's record (none while the
 * call is live), the customer, the script run's adherence (none until the run ends), the
 * complaints filed on the call and its disposition.
 */
export const callContextSchema = z.object({
  agent: z.object({ id: z.uuid(), name: z.string(), teamId: z.uuid().nullable() }),
  callId: z.string(),
  practice: z.boolean(),
  interaction: interactionSchema.nullable(),
  customer: customerSchema.nullable(),
  run: adherenceFactsSchema.nullable(),
  complaints: z.array(complaintSchema),
  disposition: dispositionSchema.nullable()
})
export type CallContext = z.infer<typeof callContextSchema>

// ---- Figures -----------------------------------------------------------------------------

export const figuresQuerySchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** One team; null (absent) for every team the caller may see. */
  teamId: z.uuid().optional(),
  /** Quality figures and training figures are never mixed: one kind per report. */
  kind: z.enum(formKinds).default('quality')
})
export type FiguresQuery = z.infer<typeof figuresQuerySchema>

const dimensionFigure = z.object({
  dimension: z.enum(evaluationDimensions),
  /** Mean of the sections' percentages on that dimension (null when none counted). */
  percent: z.number().nullable(),
  count: z.number()
})

/**
 * Released evaluations only (released, acknowledged, disputed, resolved; never drafts or
 * calibration ones), of the kind asked, by the day they were released.
 */
export const evaluationFiguresSchema = z.object({
  kind: z.enum(formKinds),
  from: z.string(),
  to: z.string(),
  total: z.object({
    count: z.number(),
    averagePercent: z.number().nullable(),
    criticalFailures: z.number(),
    passRate: z.number().nullable(),
    disputed: z.number()
  }),
  agents: z.array(
    z.object({
      agentId: z.uuid(),
      name: z.string(),
      teamId: z.uuid().nullable(),
      count: z.number(),
      averagePercent: z.number().nullable(),
      criticalFailures: z.number(),
      dimensions: z.array(dimensionFigure)
    })
  ),
  dimensions: z.array(dimensionFigure),
  /** Per team, its dimensions weakest first. */
  teams: z.array(
    z.object({
      teamId: z.uuid().nullable(),
      name: z.string(),
      count: z.number(),
      averagePercent: z.number().nullable(),
      weakest: z.array(dimensionFigure)
    })
  ),
  /** Week by week (the Monday's date), overall and per agent. */
  weeks: z.array(
    z.object({
      week: z.string(),
      agentId: z.uuid().nullable(),
      count: z.number(),
      averagePercent: z.number().nullable()
    })
  ),
  /**
   * Week by week (the Monday's date), each dimension's figure over everything in scope; a server
   * from before it sends none, and the desk shows no dimension trend rather than no figures.
   */
  dimensionWeeks: z
    .array(
      z.object({
        week: z.string(),
        dimension: z.enum(evaluationDimensions),
        percent: z.number().nullable(),
        count: z.number()
      })
    )
    .default([])
})
export type EvaluationFigures = z.infer<typeof evaluationFiguresSchema>
