/**
 * Training cohorts: the trainees a trainer follows. A trainer reads and changes the cohorts they
 * lead, and the progress of those cohorts' trainees; an admin all of them. Only agents are
 * trainees: leads, trainers and admins practise too, but nobody's progress is theirs to follow.
 */
import type { Cohort, Trainee } from '@shared/practice'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'

interface CohortRow {
  id: string
  name: string
  trainer_id: string
  trainer_name: string
}

interface MemberRow {
  cohort_id: string
  id: string
  display_name: string
  team: string | null
}

const traineeOf = (row: Omit<MemberRow, 'cohort_id'>): Trainee => ({
  id: row.id,
  displayName: row.display_name,
  team: row.team
})

/** The cohorts `claims` may read (trainers: theirs; admins: all), or the one named, by name. */
export async function readCohorts(
  db: Queryable,
  claims: AccessClaims,
  cohortId: string | null = null
): Promise<Cohort[]> {
  const everyone = claims.role === 'admin'
  const cohorts = await db.query<CohortRow>(
    `SELECT c.id, c.name, c.trainer_id, u.display_name AS trainer_name
       FROM training_cohorts c JOIN users u ON u.id = c.trainer_id
      WHERE ($1 OR c.trainer_id = $2) AND ($3::uuid IS NULL OR c.id = $3)
      ORDER BY lower(c.name), c.id`,
    [everyone, claims.userId, cohortId]
  )
  if (cohorts.length === 0) return []
  const members = await db.query<MemberRow>(
    `SELECT m.cohort_id, u.id, u.display_name, t.name AS team
       FROM training_cohort_members m
       JOIN users u ON u.id = m.trainee_id
       LEFT JOIN teams t ON t.id = u.team_id
      WHERE m.cohort_id = ANY($1::uuid[])
      ORDER BY lower(u.display_name), u.id`,
    [`{${cohorts.map((c) => c.id).join(',')}}`]
  )
  return cohorts.map((c) => ({
    id: c.id,
    name: c.name,
    trainerId: c.trainer_id,
    trainerName: c.trainer_name,
    trainees: members.filter((m) => m.cohort_id === c.id).map(traineeOf)
  }))
}

/** Everyone who may join a cohort: the agents. */
export async function listTraineeCandidates(db: Queryable): Promise<Trainee[]> {
  const rows = await db.query<Omit<MemberRow, 'cohort_id'>>(
    `SELECT u.id, u.display_name, t.name AS team
       FROM users u LEFT JOIN teams t ON t.id = u.team_id
      WHERE u.role = 'agent'
      ORDER BY lower(u.display_name), u.id`
  )
  return rows.map(traineeOf)
}

/** The ids among `ids` that are not agents (unknown users included). */
export async function notTrainees(db: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE role = 'agent' AND id = ANY($1::uuid[])`,
    [`{${ids.join(',')}}`]
  )
  const agents = new Set(rows.map((r) => r.id))
  return ids.filter((id) => !agents.has(id))
}

/** Whether `claims` may read the progress of `traineeId`. */
export async function mayFollow(
  db: Queryable,
  claims: AccessClaims,
  traineeId: string
): Promise<boolean> {
  if (claims.userId === traineeId) return true
  if (claims.role === 'admin') {
    const rows = await db.query<{ n: number }>('SELECT 1 AS n FROM users WHERE id = $1', [
      traineeId
    ])
    return rows.length > 0
  }
  if (claims.role !== 'trainer') return false
  const rows = await db.query<{ n: number }>(
    `SELECT 1 AS n FROM training_cohort_members m
       JOIN training_cohorts c ON c.id = m.cohort_id
      WHERE m.trainee_id = $1 AND c.trainer_id = $2 LIMIT 1`,
    [traineeId, claims.userId]
  )
  return rows.length > 0
}

/** Replaces the cohort's members with `traineeIds` (the table keeps when each joined). */
export async function setMembers(
  tx: Queryable,
  cohortId: string,
  traineeIds: readonly string[]
): Promise<void> {
  const ids = `{${[...new Set(traineeIds)].join(',')}}`
  await tx.query(
    'DELETE FROM training_cohort_members WHERE cohort_id = $1 AND NOT (trainee_id = ANY($2::uuid[]))',
    [cohortId, ids]
  )
  await tx.query(
    `INSERT INTO training_cohort_members (cohort_id, trainee_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [cohortId, ids]
  )
}
