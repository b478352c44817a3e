/**
 * The server-wide change log that clients pull from. Sequence numbers come from one counter row
 * whose lock is held until commit, so they become visible strictly in order (see 001-init).
 */
import { createHash } from 'node:crypto'

import type { Change } from '@shared/sync/protocol'
import type { Queryable } from '../db/db'

export const CHANGES_CHANNEL = 'atiende_changes'

/**
 * A change notification: the new head and the teams whose rows changed (null: shared rows).
 * Rows private to one agent are announced as `u:<userId>` (the agent) and `l:<teamId>` (the
 * team's leads), so teammates are not poked for what they cannot pull.
 */
export interface Poke {
  cursor: number
  teams: (string | null)[]
}

export function pokePayload(poke: Poke): string {
  return JSON.stringify(poke)
}

/** Reads a notification; a bare number (an older instance) counts as a change to shared rows. */
export function parsePokePayload(payload: string): Poke | null {
  const bare = Number(payload)
  if (payload.trim() !== '' && Number.isSafeInteger(bare)) return { cursor: bare, teams: [null] }
  try {
    const value: unknown = JSON.parse(payload)
    if (typeof value !== 'object' || value === null) return null
    const cursor = 'cursor' in value ? value.cursor : null
    const teams = 'teams' in value ? value.teams : null
    if (typeof cursor !== 'number' || !Number.isSafeInteger(cursor) || !Array.isArray(teams)) {
      return null
    }
    const valid = teams.filter((t): t is string | null => t === null || typeof t === 'string')
    return { cursor, teams: valid }
  } catch {
    return null
  }
}

/** The kinds of rows the log carries: exactly those the pull protocol names. */
export type ChangeEntity = Change['entity']

/**
 * A stable uuid for a row keyed by a code rather than a uuid (configuration, script versions):
 * the change log's entity_id is a uuid.
 */
export function configEntityId(entity: ChangeEntity, key: string): string {
  const hex = createHash('sha256').update(`${entity}:${key}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export interface NewChange {
  entity: ChangeEntity
  entityId: string
  /** Null means every user may see it. */
  teamId: string | null
  /** Set for rows private to one agent (and their team's leads, and admins). */
  userId?: string | null
  data: unknown
  /** A customer in the client cache's stored form (customer-cache-row.ts), JSON text. */
  cacheRow?: string
  /** `data` already serialised, when the writer had to serialise it anyway. */
  json?: string | undefined
}

/** Poke keys: a private row reaches its agent and the team's leads, other rows their team. */
export function pokeKeysOf(changes: readonly NewChange[]): (string | null)[] {
  const keys = new Set<string | null>()
  for (const c of changes) {
    if (c.userId && c.teamId) {
      keys.add(`u:${c.userId}`)
      keys.add(`l:${c.teamId}`)
    } else keys.add(c.teamId)
  }
  return [...keys]
}

/** A change as the log stores it: its sequence number, and its data as the JSON text stored. */
export interface LoggedChange {
  seq: number
  entity: ChangeEntity
  teamId: string | null
  userId: string | null
  data: string
}

/**
 * Appends `changes` with consecutive sequence numbers and returns them as logged, each
 * serialised once (the caller can hand the same text to its pull tail).
 *
 * @remarks Call it as late as possible in the transaction: it holds the counter's lock until commit.
 */
export async function appendLoggedChanges(
  tx: Queryable,
  changes: readonly NewChange[]
): Promise<{ last: number; logged: LoggedChange[] }> {
  const head = await tx.query<{ seq: number }>(
    'UPDATE change_log_head SET seq = seq + $1 WHERE id = 1 RETURNING seq',
    [changes.length]
  )
  const last = head[0]?.seq
  if (last === undefined) throw new Error('change_log_head is missing; migrations did not run')
  const first = last - changes.length + 1
  const logged = changes.map((c, i): LoggedChange => {
    // Undefined data would make the statement below fail, as it did before.
    const data = c.json ?? JSON.stringify(c.data)
    return { seq: first + i, entity: c.entity, teamId: c.teamId, userId: c.userId ?? null, data }
  })
  // The JSON array is assembled from the serialised data rather than serialised again whole.
  const rows = logged.map(
    (c, i) =>
      `{"entity":${JSON.stringify(c.entity)},"entityId":${JSON.stringify(changes[i]?.entityId)},` +
      `"teamId":${JSON.stringify(c.teamId)},"userId":${JSON.stringify(c.userId)},` +
      `"cacheRow":${JSON.stringify(changes[i]?.cacheRow ?? null)},"data":${c.data}}`
  )
  await tx.query(
    `INSERT INTO change_log (seq, entity, entity_id, team_id, user_id, data, cache_row)
     SELECT $1::bigint + e.ord, e.value->>'entity', (e.value->>'entityId')::uuid,
            (e.value->>'teamId')::uuid, (e.value->>'userId')::uuid, e.value->'data',
            e.value->>'cacheRow'
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(value, ord)`,
    [first - 1, `[${rows.join(',')}]`]
  )
  return { last, logged }
}

/**
 * Appends `changes` with consecutive sequence numbers and returns the last one.
 *
 * @remarks Call it as late as possible in the transaction: it holds the counter's lock until commit.
 */
export async function appendChanges(tx: Queryable, changes: readonly NewChange[]): Promise<number> {
  return (await appendLoggedChanges(tx, changes)).last
}

/** The newest sequence number; every change up to it is committed. */
export async function headCursor(db: Queryable): Promise<number> {
  const rows = await db.query<{ seq: number }>('SELECT seq FROM change_log_head WHERE id = 1')
  return rows[0]?.seq ?? 0
}

/**
 * Which part of the change log a caller may read: everything, shared rows only, or shared rows
 * plus one team's, with the private rows of the caller only (`own`) or of the whole team; and,
 * with a team, every row addressed to the caller.
 */
export type Visibility =
  | { kind: 'all' }
  | { kind: 'shared' }
  | { kind: 'team'; teamId: string; userId: string; privateRows: 'own' | 'team' }

export interface ChangeRow {
  seq: number
  entity: ChangeEntity
  /** The entity as JSON text, passed through without parsing. */
  data: string
}

/** Up to `limit` visible changes with `after < seq <= upTo`, in order. */
export async function readChanges(
  db: Queryable,
  visibility: Visibility,
  range: { after: number; upTo: number; limit: number }
): Promise<ChangeRow[]> {
  const filter = visibilityFilter(visibility, 4)
  return db.query<ChangeRow>(
    `SELECT seq, entity, data::text AS data FROM change_log WHERE seq > $1 AND seq <= $2
     ${filter.sql} ORDER BY seq LIMIT $3`,
    [range.after, range.upTo, range.limit, ...filter.params]
  )
}

/** The head and the first visible changes after a cursor, read together. */
export interface ChangePage {
  head: number
  rows: ChangeRow[]
}

/** The SQL condition for `visibility`, its parameters numbered from `$first`. */
export function visibilityFilter(
  visibility: Visibility,
  first: number
): { sql: string; params: string[] } {
  switch (visibility.kind) {
    case 'all':
      return { sql: '', params: [] }
    case 'shared':
      return { sql: 'AND team_id IS NULL', params: [] }
    case 'team': {
      // A row addressed to the caller reaches them wherever it lies: a trainee's training
      // evaluation (and their own practice records) are under the practice scope, not their team.
      const team = `(team_id IS NULL OR team_id = $${first})`
      const mine = `user_id = $${first + 1}`
      const params = [visibility.teamId, visibility.userId]
      if (visibility.privateRows === 'team') return { sql: `AND (${team} OR ${mine})`, params }
      return { sql: `AND ((${team} AND user_id IS NULL) OR ${mine})`, params }
    }
  }
}

/**
 * Up to `limit` visible changes after `after`, up to the head, and the head itself, in one
 * statement: one snapshot sees the head row and every change up to it (writers update both in
 * the same transaction, in sequence order), so nothing in `(after, head]` can be missing.
 */
export async function readPage(
  db: Queryable,
  visibility: Visibility,
  range: { after: number; limit: number }
): Promise<ChangePage> {
  const filter = visibilityFilter(visibility, 3)
  const rows = await db.query<{
    head: number
    seq: number | null
    entity: ChangeEntity | null
    data: string | null
  }>(
    `SELECT h.seq AS head, c.seq, c.entity, c.data
     FROM change_log_head h
     LEFT JOIN LATERAL (
       SELECT seq, entity, data::text AS data FROM change_log
       WHERE seq > $1 AND seq <= h.seq ${filter.sql}
       ORDER BY seq LIMIT $2
     ) c ON true
     WHERE h.id = 1
     ORDER BY c.seq`,
    [range.after, range.limit, ...filter.params]
  )
  const head = rows[0]?.head ?? 0
  const page: ChangeRow[] = []
  for (const r of rows) {
    if (r.seq !== null && r.entity !== null && r.data !== null) {
      page.push({ seq: r.seq, entity: r.entity, data: r.data })
    }
  }
  return { head, rows: page }
}
