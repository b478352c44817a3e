/**
 * Edits of complaints in the local store. An edit is laid on the row at once (so lists filter
 * and search on what the user sees) and queued as `complaint.update`; when the server's row
 * arrives in a pull, the edits still queued are laid on it again. The server's answer decides:
 * applied (the pull brings the merged row), conflict (the fields keep theirs here too, and the
 * conflict waits for the user's choice) or refused (the fields go back to what the editor saw).
 */
import type { Database } from 'sql.js'

import type { AppError } from '@shared/contract/errors'
import { complaintDueAt } from '@shared/domain/complaint'
import {
  complaintUpdateArgsSchema,
  editableValuesOf,
  productOfEditValue,
  type ComplaintUpdateArgs,
  type EditableValues,
  type EditValue,
  type FieldConflict
} from '@shared/domain/complaint-edit'
import { severities } from '@shared/domain/complaint-severity'
import type { MutationOf } from '@shared/sync/protocol'

import { storeConflicts } from './conflicts'
import { complaintSearchText, detailsJson, toDetails, toPracticeMark } from './codec'
import { enqueueMutation } from '../sync/outbox'
import { asNullableString, asString, queryAll, queryOne } from '../store/sql'

/** Writes `values` over the complaint's fields; a new severity moves the due time. */
function setFields(db: Database, complaintId: string, values: Partial<EditableValues>): void {
  const row = queryOne(
    db,
    `SELECT case_number, description, category, severity, details, created_at, due_at
     FROM complaints WHERE id = ?`,
    [complaintId]
  )
  if (!row) return
  const current: EditableValues = editableValuesOf({
    description: asString(row['description']),
    category: asString(row['category']),
    ...toDetails(asString(row['severity']), asString(row['details']))
  })
  const next = { ...current, ...values }
  const severity = severities.find((s) => s === next.severity) ?? 'medium'
  const dueAt =
    severity === current.severity
      ? asNullableString(row['due_at'])
      : complaintDueAt(asString(row['created_at']), severity)
  const text = (v: EditValue): string => v ?? ''
  db.run(
    `UPDATE complaints SET description = ?, category = ?, severity = ?, due_at = ?, details = ?,
       search_folded = ? WHERE id = ?`,
    [
      text(next.description),
      text(next.category),
      severity,
      dueAt,
      detailsJson({
        personaId: toPracticeMark(asString(row['details'])).personaId,
        subcategory: next.subcategory,
        qualityDimension: next.qualityDimension,
        expected: text(next.expected),
        received: text(next.received),
        requestedRemedy: text(next.requestedRemedy),
        ...productOfEditValue(next.product),
        channel: next.channel
      }),
      complaintSearchText(asNullableString(row['case_number']), text(next.description)),
      complaintId
    ]
  )
}

function valuesOf(args: ComplaintUpdateArgs, pick: 'base' | 'value'): Partial<EditableValues> {
  return Object.fromEntries(args.edits.map((e) => [e.field, e[pick]]))
}

export function applyLocalComplaintUpdate(
  db: Database,
  mutation: MutationOf<'complaint.update'>
): void {
  setFields(db, mutation.args.complaintId, valuesOf(mutation.args, 'value'))
  enqueueMutation(db, mutation)
}

/** Edits of this complaint still waiting for the server, in the order they were made. */
function queuedEdits(db: Database, complaintId: string): ComplaintUpdateArgs[] {
  return queryAll(
    db,
    `SELECT args FROM outbox WHERE name = 'complaint.update' AND state = 'pending'
       AND json_extract(args, '$.complaintId') = ? ORDER BY seq`,
    [complaintId]
  ).flatMap((row) => {
    const parsed = complaintUpdateArgsSchema.safeParse(JSON.parse(asString(row['args'])))
    return parsed.success ? [parsed.data] : []
  })
}

/** Rebase: lays the edits still queued here over the server's row that just arrived. */
export function reapplyQueuedEdits(db: Database, complaintId: string): void {
  for (const args of queuedEdits(db, complaintId))
    setFields(db, complaintId, valuesOf(args, 'value'))
}

/** The server kept theirs on these fields: so does this row (edits still queued stay on top). */
export function recordEditConflict(
  db: Database,
  mutation: MutationOf<'complaint.update'>,
  conflicts: readonly FieldConflict[]
): void {
  db.run('DELETE FROM outbox WHERE mutation_id = ?', [mutation.id])
  storeConflicts(db, mutation.id, mutation.args.complaintId, mutation.args.at, conflicts)
  setFields(
    db,
    mutation.args.complaintId,
    Object.fromEntries(conflicts.map((c) => [c.field, c.theirs]))
  )
  reapplyQueuedEdits(db, mutation.args.complaintId)
}

/** A refused edit: its fields go back to what the editor saw; the refusal stays to be read. */
export function revertRefusedEdit(db: Database, mutation: MutationOf<'complaint.update'>): void {
  setFields(db, mutation.args.complaintId, valuesOf(mutation.args, 'base'))
  reapplyQueuedEdits(db, mutation.args.complaintId)
}

/** Why the server refused the latest edit made here on each complaint (unread refusals only). */
export function editRefusals(db: Database): Map<string, string> {
  const rows = queryAll(
    db,
    `SELECT json_extract(args, '$.complaintId') AS complaint_id, last_error FROM outbox
     WHERE name = 'complaint.update' AND state = 'rejected' ORDER BY seq`
  )
  const result = new Map<string, string>()
  for (const row of rows) {
    let reason = asString(row['last_error'])
    try {
      const parsed = JSON.parse(reason) as Partial<AppError>
      if (typeof parsed.message === 'string') reason = parsed.message
    } catch {
      // An unreadable reason is still a refusal.
    }
    result.set(asString(row['complaint_id']), reason)
  }
  return result
}

/** Drops the refused edits of a complaint once the user has read why. */
export function discardRefusedEdits(db: Database, complaintId: string): boolean {
  const found = queryOne(
    db,
    `SELECT COUNT(*) AS n FROM outbox WHERE name = 'complaint.update' AND state = 'rejected'
       AND json_extract(args, '$.complaintId') = ?`,
    [complaintId]
  )
  if (!found || found['n'] === 0) return false
  db.run(
    `DELETE FROM outbox WHERE name = 'complaint.update' AND state = 'rejected'
       AND json_extract(args, '$.complaintId') = ?`,
    [complaintId]
  )
  return true
}

/**
 * Replay: an edit is already here when it is queued, when its conflict is stored, or when the
 * server's timeline event for it has been pulled.
 */
export function isComplaintUpdateApplied(
  db: Database,
  mutation: MutationOf<'complaint.update'>
): boolean {
  return (
    queryOne(
      db,
      `SELECT 1 AS found WHERE EXISTS (SELECT 1 FROM outbox WHERE mutation_id = ?)
         OR EXISTS (SELECT 1 FROM complaint_conflicts WHERE mutation_id = ?)
         OR EXISTS (SELECT 1 FROM complaint_events WHERE id = ?)`,
      [mutation.id, mutation.id, mutation.args.id]
    ) !== null
  )
}
