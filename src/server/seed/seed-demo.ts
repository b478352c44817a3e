/**
 * Loads the demo data once: teams, users (and the trainer's cohort) and customers. Skipped when any user exists, so a
 * restart (or a second instance) never seeds twice.
 */
import { hashPassword } from '../auth/password'
import { upsertCustomers } from '../customers/customer-store'
import type { Db, Queryable } from '../db/db'
import { SCHEMA_LOCK_KEY } from '../db/migrate'
import { CHANGES_CHANNEL, headCursor, pokePayload } from '../sync/change-log'
import { DEMO_PASSWORD, demoCohorts, demoSipExtensions, demoTeams, demoUsers } from './demo-users'
import { generateCustomers } from './generate-customers'
import { createPrng } from './prng'

export interface SeedOptions {
  /** Demo customers to create; 5,000 by default. */
  customerCount?: number
  seed?: number
  batchSize?: number
}

export interface SeedResult {
  seeded: boolean
  customers: number
}

async function insertTeamsAndUsers(tx: Queryable, seed: number): Promise<void> {
  const prng = createPrng(seed ^ 0x5eed)
  const teamIds = new Map<string, string>()
  for (const name of demoTeams) {
    const id = prng.uuid()
    teamIds.set(name, id)
    await tx.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [id, name])
  }
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(DEMO_PASSWORD)))
  const userIds = new Map<string, string>()
  for (const [i, user] of demoUsers.entries()) {
    const id = prng.uuid()
    userIds.set(user.username, id)
    await tx.query(
      `INSERT INTO users (id, username, display_name, role, team_id, password_hash, sip_extension)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        user.username,
        user.displayName,
        user.role,
        user.team ? (teamIds.get(user.team) ?? null) : null,
        hashes[i] ?? '',
        demoSipExtensions[user.username] ?? null
      ]
    )
  }
  const userId = (username: string): string => {
    const id = userIds.get(username)
    if (id === undefined) throw new Error(`demo cohort names ${username}, not a demo user`)
    return id
  }
  for (const cohort of demoCohorts) {
    const id = prng.uuid()
    await tx.query('INSERT INTO training_cohorts (id, name, trainer_id) VALUES ($1, $2, $3)', [
      id,
      cohort.name,
      userId(cohort.trainer)
    ])
    for (const trainee of cohort.trainees) {
      await tx.query(
        'INSERT INTO training_cohort_members (cohort_id, trainee_id) VALUES ($1, $2)',
        [id, userId(trainee)]
      )
    }
  }
}

async function insertCustomers(tx: Queryable, count: number, seed: number, batchSize: number) {
  const now = new Date().toISOString()
  let batch = []
  for await (const customer of generateCustomers(count, seed)) {
    batch.push({ ...customer, updatedAt: now })
    if (batch.length >= batchSize) {
      await upsertCustomers(tx, batch)
      batch = []
    }
  }
  await upsertCustomers(tx, batch)
}

/** Seeds the demo data unless users already exist. */
export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const count = options.customerCount ?? 5000
  const seed = options.seed ?? 20250630
  const result = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY])
    const users = await tx.query<{ n: number }>('SELECT count(*) AS n FROM users')
    if ((users[0]?.n ?? 0) > 0) return { seeded: false, customers: 0 }
    await insertTeamsAndUsers(tx, seed)
    await insertCustomers(tx, count, seed, options.batchSize ?? 1000)
    return { seeded: true, customers: count }
  })
  if (result.seeded) {
    // Fresh statistics, or the planner (PGlite has no autovacuum) sorts whole tables per page.
    await db.query('ANALYZE')
    const cursor = await headCursor(db)
    await db.notify(CHANGES_CHANNEL, pokePayload({ cursor, teams: [null] }))
  }
  return result
}
