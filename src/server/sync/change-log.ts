/**
 * The server-wide change log that clients pull from. Sequence numbers come from one counter row
 * whose lock is held until commit, so they become visible strictly in order (see 001-init).
 */
import type { Queryable } from '../db/db'

export const CHANGES_CHANNEL = 'atiende_changes'

/** A change notification: the new head and the teams whose rows changed (null: shared rows). */
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

export type ChangeEntity = 'customer' | 'complaint' | 'interaction'

export interface NewChange {
  entity: ChangeEntity
  entityId: string
  /** Null means every user may see it. */
  teamId: string | null
  data: unknown
}

/**
 * Appends `changes` with consecutive sequence numbers and returns the last one.
 *
 * @remarks Call it as late as possible in the transaction: it holds the counter's lock until commit.
 */
export async function appendChanges(tx: Queryable, changes: readonly NewChange[]): Promise<number> {
  const head = await tx.query<{ seq: number }>(
    'UPDATE change_log_head SET seq = seq + $1 WHERE id = 1 RETURNING seq',
    [changes.length]
  )
  const last = head[0]?.seq
  if (last === undefined) throw new Error('change_log_head is missing; migrations did not run')
  await tx.query(
    `INSERT INTO change_log (seq, entity, entity_id, team_id, data)
     SELECT $1::bigint + e.ord, e.value->>'entity', (e.value->>'entityId')::uuid,
            (e.value->>'teamId')::uuid, e.value->'data'
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(value, ord)`,
    [last - changes.length, JSON.stringify(changes)]
  )
  return last
}

/** The newest sequence number; every change up to it is committed. */
export async function headCursor(db: Queryable): Promise<number> {
  const rows = await db.query<{ seq: number }>('SELECT seq FROM change_log_head WHERE id = 1')
  return rows[0]?.seq ?? 0
}

/** Which part of the change log a caller may read. */
export type Visibility = { kind: 'all' } | { kind: 'shared' } | { kind: 'team'; teamId: string }

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
  const select =
    'SELECT seq, entity, data::text AS data FROM change_log WHERE seq > $1 AND seq <= $2'
  const order = 'ORDER BY seq LIMIT $3'
  const params = [range.after, range.upTo, range.limit]
  switch (visibility.kind) {
    case 'all':
      return db.query<ChangeRow>(`${select} ${order}`, params)
    case 'shared':
      return db.query<ChangeRow>(`${select} AND team_id IS NULL ${order}`, params)
    case 'team':
      return db.query<ChangeRow>(`${select} AND (team_id IS NULL OR team_id = $4) ${order}`, [
        ...params,
        visibility.teamId
      ])
  }
}
