/**
 * The sync load benchmark's database side: its agents and teams, the raw insert rate it compares
 * the server against, and the peak-rate arithmetic.
 */
import { randomUUID } from 'node:crypto'

import type pg from 'pg'

/**
 * The most mutations acknowledged as applied within any one second (`[t, t + 1 s)`). Group
 * commit acknowledges up to 2,000 mutations at one instant, so seconds aligned to the clock
 * moved the figure by a whole batch from run to run depending on where a batch fell.
 */
export function peakPerSecond(timestamps: readonly number[]): number {
  const sorted = [...timestamps].sort((a, b) => a - b)
  let peak = 0
  let first = 0
  sorted.forEach((t, last) => {
    while ((sorted[first] ?? t) <= t - 1000) first++
    peak = Math.max(peak, last - first + 1)
  })
  return peak
}

/** Batched inserts into a durable copy of `complaints` with the same indexes. */
export async function rawInsertPerSec(client: pg.Client, rows: number): Promise<number> {
  await client.query('CREATE TABLE raw_complaints (LIKE complaints INCLUDING ALL)')
  const columns = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'complaints'
     ORDER BY ordinal_position`
  )
  const names = columns.rows.map((r) => r.column_name)
  const sample = await client.query<Record<string, unknown>>('SELECT * FROM complaints LIMIT 1')
  const template = sample.rows[0]
  if (!template) return 0
  const t0 = performance.now()
  for (let done = 0; done < rows; done += 500) {
    const batch = Math.min(500, rows - done)
    const values: unknown[] = []
    const tuples: string[] = []
    for (let i = 0; i < batch; i++) {
      const row: Record<string, unknown> = {
        ...template,
        id: randomUUID(),
        case_number: `RAW-${done + i}`
      }
      tuples.push(`(${names.map((_, j) => `$${values.length + j + 1}`).join(',')})`)
      for (const n of names) values.push(row[n])
    }
    await client.query(
      `INSERT INTO raw_complaints (${names.join(',')}) VALUES ${tuples.join(',')}`,
      values
    )
  }
  return rows / ((performance.now() - t0) / 1000)
}

/** One team per `teamSize` agents, one user per agent, all sharing ana's password hash. */
export async function createBenchAgents(
  db: pg.Client,
  agentCount: number,
  teamSize: number
): Promise<{ userId: string; teamId: string }[]> {
  const hash = await db.query<{ password_hash: string }>(
    "SELECT password_hash FROM users WHERE username = 'ana'"
  )
  const passwordHash = hash.rows[0]?.password_hash ?? ''
  const users: { userId: string; teamId: string }[] = []
  const teamIds: string[] = []
  for (let t = 0; t * teamSize < agentCount; t++) teamIds.push(randomUUID())
  await db.query(
    `INSERT INTO teams (id, name) SELECT id, 'Bench ' || ord FROM unnest($1::uuid[])
     WITH ORDINALITY AS t(id, ord)`,
    [teamIds]
  )
  for (let i = 0; i < agentCount; i++) {
    users.push({ userId: randomUUID(), teamId: teamIds[Math.floor(i / teamSize)] ?? '' })
  }
  await db.query(
    `INSERT INTO users (id, username, display_name, role, team_id, password_hash)
     SELECT u.id, 'bench' || u.ord, 'Bench agent ' || u.ord, 'agent', u.team, $3
     FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS u(id, team, ord)`,
    [users.map((u) => u.userId), users.map((u) => u.teamId), passwordHash]
  )
  return users
}
