/**
 * Practice scenario versions as stored, and as the routes answer them. A version row never
 * changes once published; whether its scenario is retired is read from the retirements table.
 */
import {
  scenarioSchema,
  type Scenario,
  type ScenarioVersion,
  type ScenarioVersionDetail
} from '@shared/practice'
import type { Queryable } from '../db/db'

export interface ScenarioRow {
  scenario_id: string
  version: number
  status: 'draft' | 'published'
  source: string
  scenario: unknown
  title: { es?: string; en?: string }
  summary: { es?: string; en?: string }
  script_id: string
  script_version: number
  persona: string
  uploaded_at: Date
  uploaded_by: string | null
  published_at: Date | null
}

/** A row with what the lists join onto it. */
export type ListedScenarioRow = ScenarioRow & { uploader_name: string | null; retired: boolean }

/** Who the lists name for the seeded samples, which no user uploaded. */
export const SEEDED_AUTHOR = 'Atiende'

export const personaName = (scenario: Scenario): string =>
  `${scenario.persona.firstName} ${scenario.persona.lastName}`.trim()

/** The insert's values, in the order of {@link INSERT_COLUMNS}. */
export function insertValues(
  source: string,
  scenario: Scenario,
  uploadedBy: string | null
): (string | number | null)[] {
  return [
    scenario.id,
    scenario.version,
    source,
    JSON.stringify(scenario),
    JSON.stringify(scenario.title),
    JSON.stringify(scenario.summary),
    scenario.script.id,
    scenario.script.version,
    personaName(scenario),
    uploadedBy
  ]
}
export const INSERT_COLUMNS = `scenario_id, version, source, scenario, title, summary, script_id,
  script_version, persona, uploaded_by`
export const INSERT_PLACEHOLDERS = '$1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7, $8, $9, $10'

const SELECT_LISTED = `SELECT s.*, u.display_name AS uploader_name,
       EXISTS (SELECT 1 FROM practice_scenario_retirements r
                WHERE r.scenario_id = s.scenario_id) AS retired
  FROM practice_scenarios s LEFT JOIN users u ON u.id = s.uploaded_by`

export function scenarioVersionOf(row: ListedScenarioRow): ScenarioVersion {
  return {
    scenarioId: row.scenario_id,
    version: row.version,
    title: row.title,
    summary: row.summary,
    script: { id: row.script_id, version: row.script_version },
    persona: row.persona,
    status: row.status,
    retired: row.retired,
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy: row.uploader_name ?? SEEDED_AUTHOR,
    publishedAt: row.published_at?.toISOString() ?? null
  }
}

export function scenarioDetailOf(row: ListedScenarioRow): ScenarioVersionDetail {
  return {
    ...scenarioVersionOf(row),
    source: row.source,
    // Written by the server from a checked scenario, so it always parses.
    scenario: scenarioSchema.parse(row.scenario)
  }
}

/** What a trainee may run: the latest published version of each scenario not retired. */
export async function listPublishedScenarios(db: Queryable): Promise<ScenarioVersion[]> {
  const rows = await db.query<ListedScenarioRow>(
    `SELECT DISTINCT ON (l.scenario_id) l.* FROM (${SELECT_LISTED}) l
      WHERE l.status = 'published' AND NOT l.retired
      ORDER BY l.scenario_id, l.version DESC`
  )
  return rows.map(scenarioVersionOf)
}

/** Every version (of one scenario, or all), drafts and retired ones: the trainers' list. */
export async function listAllScenarioVersions(
  db: Queryable,
  scenarioId: string | null = null
): Promise<ScenarioVersion[]> {
  const rows = await db.query<ListedScenarioRow>(
    `${SELECT_LISTED} WHERE ($1::text IS NULL OR s.scenario_id = $1)
      ORDER BY s.scenario_id, s.version`,
    [scenarioId]
  )
  return rows.map(scenarioVersionOf)
}

export async function readScenarioVersion(
  db: Queryable,
  scenarioId: string,
  version: number
): Promise<ListedScenarioRow | null> {
  const rows = await db.query<ListedScenarioRow>(
    `${SELECT_LISTED} WHERE s.scenario_id = $1 AND s.version = $2`,
    [scenarioId, version]
  )
  return rows[0] ?? null
}
