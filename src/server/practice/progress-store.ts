/**
 * Reads practice sessions for progress: summaries for the lists and certification, reports
 * (only of the latest sessions) for the weakest steps. Certification counts every session on
 * a scenario's current version, so it reads all summaries, which are small.
 */
import {
  certificationOf,
  practiceReportSchema,
  practiceSessionDetailSchema,
  weakestItems,
  type Certification,
  type PracticeReport,
  type PracticeSessionDetail,
  type PracticeSessionSummary,
  type ScenarioVersion,
  type WeakItem
} from '@shared/practice'
import type { Queryable } from '../db/db'
import { listPublishedScenarios } from './scenario-versions'

/** Reports read for the weakest steps: the latest sessions tell where trainees stand now. */
export const WEAK_SESSIONS = 500
/** Sessions a trainee's list shows (newest first); certification reads them all. */
export const LISTED_SESSIONS = 200

interface SessionRow {
  id: string
  trainee_id: string
  trainee_name: string
  scenario_id: string
  scenario_version: number
  title: { es?: string; en?: string }
  script_id: string
  mode: 'solo' | 'roleplay'
  ended_at: Date
  percent: number
  passed: boolean
  critical_failures: number
}

const SUMMARY_COLUMNS = `s.id, s.trainee_id, u.display_name AS trainee_name, s.scenario_id,
  s.scenario_version, sc.title, s.script_id, s.mode, s.ended_at, s.percent, s.passed,
  s.critical_failures`
const FROM_SESSIONS = `practice_sessions s
  JOIN users u ON u.id = s.trainee_id
  JOIN practice_scenarios sc ON sc.scenario_id = s.scenario_id AND sc.version = s.scenario_version`

const summaryOf = (row: SessionRow): PracticeSessionSummary => ({
  id: row.id,
  traineeId: row.trainee_id,
  traineeName: row.trainee_name,
  scenarioId: row.scenario_id,
  scenarioVersion: row.scenario_version,
  scenarioTitle: row.title,
  scriptId: row.script_id,
  mode: row.mode,
  endedAt: row.ended_at.toISOString(),
  percent: row.percent,
  passed: row.passed,
  criticalFailures: row.critical_failures
})

const idArray = (ids: readonly string[]) => `{${ids.join(',')}}`

/** Every session of these trainees, newest first. */
export async function sessionSummaries(
  db: Queryable,
  traineeIds: readonly string[]
): Promise<PracticeSessionSummary[]> {
  if (traineeIds.length === 0) return []
  const rows = await db.query<SessionRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM ${FROM_SESSIONS}
      WHERE s.trainee_id = ANY($1::uuid[]) ORDER BY s.ended_at DESC, s.id`,
    [idArray(traineeIds)]
  )
  return rows.map(summaryOf)
}

/** The points missed most in these trainees' latest sessions. */
export async function weakestOf(db: Queryable, traineeIds: readonly string[]): Promise<WeakItem[]> {
  if (traineeIds.length === 0) return []
  const rows = await db.query<{
    trainee_id: string
    scenario_id: string
    script_id: string
    report: unknown
  }>(
    `SELECT trainee_id, scenario_id, script_id, report FROM practice_sessions
      WHERE trainee_id = ANY($1::uuid[]) ORDER BY ended_at DESC LIMIT ${String(WEAK_SESSIONS)}`,
    [idArray(traineeIds)]
  )
  return weakestItems(
    rows.flatMap((row) => {
      const report = practiceReportSchema.safeParse(row.report)
      if (!report.success) return []
      return [
        {
          traineeId: row.trainee_id,
          scenarioId: row.scenario_id,
          scriptId: row.script_id,
          report: report.data
        }
      ]
    })
  )
}

/** A trainee's certification on each scenario a trainee may run now. */
export function certificationsOf(
  sessions: readonly PracticeSessionSummary[],
  scenarios: readonly ScenarioVersion[]
): Certification[] {
  return scenarios.map((scenario) => ({
    scenarioId: scenario.scenarioId,
    scenarioTitle: scenario.title,
    currentVersion: scenario.version,
    ...certificationOf(
      sessions.filter((s) => s.scenarioId === scenario.scenarioId),
      scenario.version
    )
  }))
}

export const currentScenarios = listPublishedScenarios

/** One session with its report; null when there is none with this id. */
export async function readSession(
  db: Queryable,
  sessionId: string
): Promise<PracticeSessionDetail | null> {
  const rows = await db.query<SessionRow & { report: PracticeReport }>(
    `SELECT ${SUMMARY_COLUMNS}, s.report FROM ${FROM_SESSIONS} WHERE s.id = $1`,
    [sessionId]
  )
  const row = rows[0]
  if (!row) return null
  return practiceSessionDetailSchema.parse({ ...summaryOf(row), report: row.report })
}
