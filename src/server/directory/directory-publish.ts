/**
 * Publishes the colleague directory: one `directory_entry` per user, centre-wide (every role of
 * every team pulls it), authored here from the users and teams tables and the SIP domain of this
 * server's configuration. Only what a colleague's desk may show is selected: never the password
 * hash, never the SIP password.
 *
 * Each published entry is also kept in `directory_entries`; publishing compares with it and
 * appends to the change log only the users whose entry changed, so it is cheap to run at every
 * start (a new SIP domain, users edited in the database) and after every edit through the API.
 */
import { isDeepStrictEqual } from 'node:util'

import { directoryEntrySchema, sipAddressOf, type DirectoryEntry } from '@shared/domain/directory'
import { roles, type Role } from '@shared/domain/user'
import type { Db, Queryable } from '../db/db'
import { appendChanges, type NewChange } from '../sync/change-log'
import { announceChanges } from '../sync/pull'

/** Serialises concurrent publishers (several instances starting at once). */
const DIRECTORY_LOCK_KEY = 0x64697265

interface DirectoryRow {
  id: string
  display_name: string
  role: string
  team_id: string | null
  team_name: string | null
  sip_extension: string | null
  published: unknown
}

function isRole(value: string): value is Role {
  return roles.some((r) => r === value)
}

/**
 * The entry of a user as the directory shows it; null for a row it cannot show (an unknown
 * role). An extension that is not dialable is left out rather than the user.
 */
export function entryOf(row: DirectoryRow, domain: string): DirectoryEntry | null {
  if (!isRole(row.role)) return null
  const extension = row.sip_extension?.trim() ?? ''
  const parsed = directoryEntrySchema.safeParse({
    userId: row.id,
    displayName: row.display_name,
    role: row.role,
    teamId: row.team_id,
    teamName: row.team_name,
    extension: extension === '' ? null : extension,
    sipAddress: extension === '' ? null : sipAddressOf(extension, domain)
  })
  if (parsed.success) return parsed.data
  const withoutPhone = directoryEntrySchema.safeParse({
    userId: row.id,
    displayName: row.display_name,
    role: row.role,
    teamId: row.team_id,
    teamName: row.team_name,
    extension: null,
    sipAddress: null
  })
  return withoutPhone.success ? withoutPhone.data : null
}

/** What a publication wrote: the last sequence number and how many entries; null for none. */
export interface Published {
  cursor: number
  entries: number
}

/**
 * Appends the entries that differ from the last published ones (of `userIds`, or of everyone) in
 * `tx`; answers what it wrote, or null when nothing changed.
 */
export async function publishDirectoryIn(
  tx: Queryable,
  domain: string,
  userIds: readonly string[] | null = null
): Promise<Published | null> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_LOCK_KEY])
  const rows = await tx.query<DirectoryRow>(
    `SELECT u.id, u.display_name, u.role, u.team_id, t.name AS team_name, u.sip_extension,
            d.data AS published
     FROM users u
     LEFT JOIN teams t ON t.id = u.team_id
     LEFT JOIN directory_entries d ON d.user_id = u.id
     ${userIds === null ? '' : 'WHERE u.id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)'}
     ORDER BY u.username`,
    userIds === null ? [] : [JSON.stringify(userIds)]
  )
  const changes: NewChange[] = []
  for (const row of rows) {
    const entry = entryOf(row, domain)
    if (!entry || isDeepStrictEqual(entry, row.published)) continue
    await tx.query(
      `INSERT INTO directory_entries (user_id, data) VALUES ($1, $2::jsonb)
       ON CONFLICT (user_id) DO UPDATE SET data = excluded.data, published_at = now()`,
      [entry.userId, JSON.stringify(entry)]
    )
    // Centre-wide: a colleague in another team must be recognised as much as a teammate.
    changes.push({ entity: 'directory_entry', entityId: entry.userId, teamId: null, data: entry })
  }
  if (changes.length === 0) return null
  return { cursor: await appendChanges(tx, changes), entries: changes.length }
}

/** Publishes what changed and pokes every desk; answers how many entries were published. */
export async function publishDirectory(
  db: Db,
  domain: string,
  userIds: readonly string[] | null = null
): Promise<number> {
  const published = await db.transaction((tx) => publishDirectoryIn(tx, domain, userIds))
  if (published === null) return 0
  await announceChanges(db, { cursor: published.cursor, teams: [null] })
  return published.entries
}
