/**
 * The colleague directory as pulled: one row per user, the latest entry wins. Read-only here (no
 * mutation writes it); looked up by extension, the column a ringing call is matched on.
 */
import type { Database } from 'sql.js'

import {
  colleagueKey,
  directoryEntrySchema,
  matchColleague,
  type DirectoryEntry,
  type RemoteParty
} from '@shared/domain/directory'

import { asString, queryAll } from '../store/sql'

export function upsertDirectoryEntry(db: Database, entry: DirectoryEntry): void {
  db.run(
    `INSERT INTO directory_entries (user_id, extension, data) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET extension = excluded.extension, data = excluded.data`,
    [entry.userId, entry.extension, JSON.stringify(entry)]
  )
}

function decoded(rows: readonly Record<string, unknown>[]): DirectoryEntry[] {
  const out: DirectoryEntry[] = []
  for (const row of rows) {
    const parsed = directoryEntrySchema.safeParse(JSON.parse(asString(row['data'] as string)))
    if (parsed.success) out.push(parsed.data)
  }
  return out
}

/** The colleague `remote` is, by extension and SIP domain (never by name); null for none. */
export function findColleague(db: Database, remote: RemoteParty): DirectoryEntry | null {
  const key = colleagueKey(remote)
  if (!key) return null
  const candidates = decoded(
    queryAll(db, 'SELECT data FROM directory_entries WHERE extension = ?', [key.extension])
  )
  return matchColleague(candidates, remote)
}

/** Everyone in the directory, by name. */
export function listDirectory(db: Database): DirectoryEntry[] {
  return decoded(queryAll(db, 'SELECT data FROM directory_entries')).sort((a, b) =>
    a.displayName.localeCompare(b.displayName)
  )
}
