/**
 * Reads role-play sessions: one session as its trainer's live view names it, and the trainers'
 * feedback as the trainee reads it, signed by who sent it (its trainer, or an admin). The
 * feedback is kept as its body was parsed; it is parsed again when read (the text rule cleans
 * what an older version wrote), and a row that no longer parses is left out rather than failing
 * the trainee's whole progress.
 */
import {
  roleplayFeedbackBodySchema,
  type RoleplayDirection,
  type RoleplayFeedback
} from '@shared/practice/roleplay'
import type { Queryable } from '../db/db'

/** Feedback a trainee's progress lists, newest first. */
export const LISTED_FEEDBACK = 20

export interface RoleplayRow {
  id: string
  trainer_id: string
  trainee_id: string
  trainee_name: string
  sip_extension: string | null
  scenario_id: string
  scenario_version: number
  issued_at: Date
  expires_at: Date
  redeemed_at: Date | null
  trainee_call_id: string | null
  direction: RoleplayDirection
  withdrawn_at: Date | null
}

/** One role-play session with its trainee's name and extension; null when there is none. */
export async function readRoleplay(db: Queryable, id: string): Promise<RoleplayRow | null> {
  const rows = await db.query<RoleplayRow>(
    `SELECT r.id, r.trainer_id, r.trainee_id, u.display_name AS trainee_name, u.sip_extension,
            r.scenario_id, r.scenario_version, r.issued_at, r.expires_at, r.redeemed_at,
            r.trainee_call_id, r.direction, r.withdrawn_at
       FROM practice_roleplays r JOIN users u ON u.id = r.trainee_id
      WHERE r.id = $1`,
    [id]
  )
  return rows[0] ?? null
}

interface FeedbackRow {
  id: string
  trainer_name: string
  scenario_id: string
  scenario_version: number
  title: { es?: string; en?: string }
  script_id: string
  feedback: unknown
  feedback_sent_at: Date
}

const FEEDBACK_QUERY = `SELECT r.id, t.display_name AS trainer_name, r.scenario_id,
    r.scenario_version, sc.title, sc.script_id, r.feedback, r.feedback_sent_at
  FROM practice_roleplays r
  JOIN users t ON t.id = r.feedback_by
  JOIN practice_scenarios sc ON sc.scenario_id = r.scenario_id AND sc.version = r.scenario_version`

function feedbackOf(row: FeedbackRow): RoleplayFeedback | null {
  const body = roleplayFeedbackBodySchema.safeParse(row.feedback)
  if (!body.success) return null
  return {
    ...body.data,
    roleplayId: row.id,
    trainerName: row.trainer_name,
    scenarioId: row.scenario_id,
    scenarioVersion: row.scenario_version,
    scenarioTitle: row.title,
    scriptId: row.script_id,
    sentAt: row.feedback_sent_at.toISOString()
  }
}

/** The feedback on one role-play; null when none was sent. */
export async function readRoleplayFeedback(
  db: Queryable,
  roleplayId: string
): Promise<RoleplayFeedback | null> {
  const rows = await db.query<FeedbackRow>(
    `${FEEDBACK_QUERY} WHERE r.id = $1 AND r.feedback IS NOT NULL`,
    [roleplayId]
  )
  const row = rows[0]
  return row ? feedbackOf(row) : null
}

/** The feedback on a trainee's role-plays, newest first, at most {@link LISTED_FEEDBACK}. */
export async function traineeFeedback(
  db: Queryable,
  traineeId: string
): Promise<RoleplayFeedback[]> {
  const rows = await db.query<FeedbackRow>(
    `${FEEDBACK_QUERY} WHERE r.trainee_id = $1 AND r.feedback IS NOT NULL
      ORDER BY r.feedback_sent_at DESC, r.id LIMIT ${String(LISTED_FEEDBACK)}`,
    [traineeId]
  )
  return rows.flatMap((row) => feedbackOf(row) ?? [])
}
