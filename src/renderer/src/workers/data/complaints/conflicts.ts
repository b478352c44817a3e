/**
 * Edit conflicts the server answered (`complaint.update` → `conflict`): kept here until the user
 * chooses per field, keep theirs or use mine, so no edit is lost silently. One row per edit that
 * met a conflict; a field leaves it when chosen, the row when no field is left.
 */
import type { Database } from 'sql.js'
import { z } from 'zod'

import {
  fieldConflictSchema,
  type EditableComplaintField,
  type FieldConflict
} from '@shared/domain/complaint-edit'

import { asString, queryAll, queryOne } from '../store/sql'

const storedSchema = z.array(fieldConflictSchema)

function parseStored(json: string): FieldConflict[] {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

export function storeConflicts(
  db: Database,
  mutationId: string,
  complaintId: string,
  at: string,
  conflicts: readonly FieldConflict[]
): void {
  db.run(
    `INSERT INTO complaint_conflicts (mutation_id, complaint_id, at, data) VALUES (?, ?, ?, ?)
     ON CONFLICT(mutation_id) DO UPDATE SET data = excluded.data`,
    [mutationId, complaintId, at, JSON.stringify(conflicts)]
  )
}

export function isConflictStored(db: Database, mutationId: string): boolean {
  return (
    queryOne(db, 'SELECT 1 AS found FROM complaint_conflicts WHERE mutation_id = ?', [
      mutationId
    ]) !== null
  )
}

/**
 * The open conflicts of each complaint asked for, oldest first; a later conflict on the same
 * field replaces an earlier one (the newest "theirs" is the one to decide on).
 */
export function conflictsByComplaint(
  db: Database,
  complaintIds: readonly string[]
): Map<string, FieldConflict[]> {
  const result = new Map<string, FieldConflict[]>()
  if (complaintIds.length === 0) return result
  const rows = queryAll(
    db,
    `SELECT complaint_id, data FROM complaint_conflicts
     WHERE complaint_id IN (SELECT value FROM json_each(?)) ORDER BY at, mutation_id`,
    [JSON.stringify(complaintIds)]
  )
  for (const row of rows) {
    const id = asString(row['complaint_id'])
    const byField = new Map((result.get(id) ?? []).map((c) => [c.field, c]))
    for (const c of parseStored(asString(row['data']))) byField.set(c.field, c)
    result.set(id, [...byField.values()])
  }
  return result
}

/** Removes `field` from every open conflict of the complaint; returns what was removed. */
export function removeConflictField(
  db: Database,
  complaintId: string,
  field: EditableComplaintField
): FieldConflict | null {
  const rows = queryAll(
    db,
    'SELECT mutation_id, data FROM complaint_conflicts WHERE complaint_id = ? ORDER BY at',
    [complaintId]
  )
  let removed: FieldConflict | null = null
  for (const row of rows) {
    const conflicts = parseStored(asString(row['data']))
    const kept = conflicts.filter((c) => c.field !== field)
    if (kept.length === conflicts.length) continue
    removed = conflicts.find((c) => c.field === field) ?? removed
    const id = asString(row['mutation_id'])
    if (kept.length === 0) db.run('DELETE FROM complaint_conflicts WHERE mutation_id = ?', [id])
    else {
      db.run('UPDATE complaint_conflicts SET data = ? WHERE mutation_id = ?', [
        JSON.stringify(kept),
        id
      ])
    }
  }
  return removed
}
