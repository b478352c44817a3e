/**
 * The practice scenario routes' bodies and answers. Trainers and admins upload a scenario's
 * YAML as a new draft version, publish it (a published version never changes; a new one
 * succeeds it) and retire or restore a scenario; every signed-in user reads the published ones,
 * which is what a trainee's desk runs.
 *
 * Routes:
 * - `GET  /api/practice-scenarios`: the latest published version of each scenario not retired
 *   (everyone); `?all=true` every version of every scenario, drafts and retired ones too
 *   (trainers and admins).
 * - `GET  /api/practice-scenarios/:scenarioId/:version`: one version with its parsed scenario
 *   (drafts: trainers and admins only).
 * - `POST /api/practice-scenarios` `{ source }`: a new draft version (the id and version are the
 *   file's; a version that exists is 409 `conflict`); 400 `invalid_scenario` with every finding.
 * - `POST /api/practice-scenarios/:scenarioId/:version/publish`.
 * - `POST /api/practice-scenarios/:scenarioId/retire` `{ retired }`.
 */
import { z } from 'zod'

import { scenarioIssueCodes } from './scenario-issues'
import { scenarioSchema } from './scenario-schema'
import { findingDetailSchema } from '../yaml/finding-detail'

/** A scenario file is text a person writes: 256 KiB is far above any real one. */
export const MAX_SCENARIO_SOURCE_BYTES = 256 * 1024

export const scenarioSourceBodySchema = z.object({
  source: z.string().min(1).max(MAX_SCENARIO_SOURCE_BYTES)
})

export const locatedScenarioIssueSchema = z.object({
  code: z.enum(scenarioIssueCodes),
  message: z.string(),
  id: z.string().nullable(),
  path: z.array(z.union([z.string(), z.number()])),
  line: z.number(),
  column: z.number(),
  /** The message as a key and its values, for the UI's language (absent from older servers). */
  detail: findingDetailSchema.optional()
})

/** 400 on upload: every finding, on its line. */
export const scenarioRejectedSchema = z.object({
  code: z.literal('invalid_scenario'),
  message: z.string(),
  issues: z.array(locatedScenarioIssueSchema)
})

export const scenarioVersionStatuses = ['draft', 'published'] as const

/** What a list shows of a version (without the parsed scenario). */
export const scenarioVersionSchema = z.object({
  scenarioId: z.string(),
  version: z.number(),
  /** In the centre's languages, as the file gives them. */
  title: z.object({ es: z.string().optional(), en: z.string().optional() }),
  summary: z.object({ es: z.string().optional(), en: z.string().optional() }),
  script: z.object({ id: z.string(), version: z.number() }),
  /** The persona's full name, for lists. */
  persona: z.string(),
  status: z.enum(scenarioVersionStatuses),
  retired: z.boolean(),
  uploadedAt: z.string(),
  /** The uploader's display name; "Atiende" for the seeded samples. */
  uploadedBy: z.string(),
  publishedAt: z.string().nullable()
})
export type ScenarioVersion = z.infer<typeof scenarioVersionSchema>

export const scenarioVersionListSchema = z.object({ versions: z.array(scenarioVersionSchema) })

/** One version whole: its source as uploaded and the scenario it parses to. */
export const scenarioVersionDetailSchema = scenarioVersionSchema.extend({
  source: z.string(),
  scenario: scenarioSchema
})
export type ScenarioVersionDetail = z.infer<typeof scenarioVersionDetailSchema>

export const scenarioListQuerySchema = z.object({
  all: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
})

export const scenarioVersionParamsSchema = z.object({
  scenarioId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  version: z.coerce.number().int().min(1).max(2_147_483_647)
})
export const scenarioParamsSchema = scenarioVersionParamsSchema.pick({ scenarioId: true })
export const scenarioRetireBodySchema = z.object({ retired: z.boolean() })
