/**
 * `complaint.update`: an edit of a complaint's fields, merged field by field onto the locked row
 * (see {@link mergeComplaintEdits}). What merged is written, with who and when per field, an
 * `edited` event in the timeline and an audit entry; a field someone else changed to another
 * value keeps theirs and comes back as a conflict for the user to decide. A severity change
 * moves the due time.
 */
import { z } from 'zod'

import {
  editableValuesOf,
  mergeComplaintEdits,
  productOfEditValue,
  type ComplaintUpdateArgs,
  type EditableComplaintField,
  type FieldConflict,
  type MergeResult
} from '@shared/domain/complaint-edit'
import { complaintDueAt } from '@shared/domain/complaint'
import { severities } from '@shared/domain/complaint-severity'
import { writeAudit } from '../auth/audit-log'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable, SqlParam } from '../db/db'
import type { NewChange } from '../sync/change-log'
import { caseAccessRefusal } from './complaint-access'
import { categoryProblem, categoryTree, complaintChange } from './complaint-create'
import { recordComplaintEvent } from './complaint-events'
import { caseScope, complaintOf, type ComplaintRow } from './complaint-transition'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'

/** Column of each editable field (a fixed map: no field name from the wire reaches the SQL). */
const columns: Record<Exclude<EditableComplaintField, 'product'>, string> = {
  description: 'description',
  category: 'category',
  subcategory: 'subcategory',
  severity: 'severity',
  qualityDimension: 'quality_dimension',
  expected: 'expected',
  received: 'received',
  requestedRemedy: 'requested_remedy',
  channel: 'channel'
}

/** The columns and values one merged field writes: the product is its code and its name. */
function columnValues(field: EditableComplaintField, value: string | null): [string, SqlParam][] {
  if (field === 'product') {
    const p = productOfEditValue(value)
    return [
      ['product_code', p.productCode],
      ['product_name', p.productName]
    ]
  }
  return [[columns[field], value]]
}

const fieldChangesSchema = z.record(
  z.string(),
  z.object({ by: z.uuid().nullable().catch(null), at: z.string().nullable().catch(null) })
)

type Row = ComplaintRow & { field_changes: unknown }

/**
 * Category and subcategory must still fit together after the merge. When they do not because
 * of someone else's change, this edit's category fields become conflicts (theirs kept); when
 * the edit itself names a pair that does not exist, the edit is invalid.
 */
async function checkCategories(
  tx: Queryable,
  merged: MergeResult,
  current: ReturnType<typeof editableValuesOf>,
  args: ComplaintUpdateArgs
): Promise<{ invalid: string } | { merged: MergeResult }> {
  const touches = (f: EditableComplaintField): boolean => args.edits.some((e) => e.field === f)
  if (!touches('category') && !touches('subcategory')) return { merged }
  const after = { ...current }
  for (const a of merged.apply) after[a.field] = a.to
  const tree = await categoryTree(tx)
  const pair = (v: typeof after) => ({ category: v.category ?? '', subcategory: v.subcategory })
  if (categoryProblem(tree, pair(after)) === null) return { merged }
  const intended = { ...current }
  for (const e of args.edits) intended[e.field] = e.value
  const own = categoryProblem(tree, pair(intended))
  if (own !== null) return { invalid: own }
  const isCategory = (f: EditableComplaintField): boolean => f === 'category' || f === 'subcategory'
  return {
    merged: {
      apply: merged.apply.filter((a) => !isCategory(a.field)),
      conflicts: [
        ...merged.conflicts,
        ...merged.apply
          .filter((a) => isCategory(a.field))
          .map((a) => ({
            field: a.field,
            base: args.edits.find((e) => e.field === a.field)?.base ?? null,
            theirs: a.from,
            yours: a.to
          }))
      ]
    }
  }
}

async function writeMerged(
  tx: Queryable,
  row: Row,
  merged: MergeResult,
  claims: AccessClaims,
  args: ComplaintUpdateArgs
): Promise<NewChange[]> {
  if (merged.apply.length === 0) return []
  const sets: string[] = []
  const params: SqlParam[] = [row.id]
  for (const a of merged.apply) {
    for (const [column, value] of columnValues(a.field, a.to)) {
      params.push(value)
      sets.push(`${column} = $${String(params.length)}`)
    }
  }
  const changed = merged.apply.find((a) => a.field === 'severity')?.to
  const severity = severities.find((s) => s === changed)
  if (severity !== undefined) {
    params.push(complaintDueAt(row.created_at.toISOString(), severity))
    sets.push(`due_at = $${String(params.length)}`)
  }
  const stamp = Object.fromEntries(
    merged.apply.map((a) => [a.field, { by: claims.userId, at: new Date(args.at).toISOString() }])
  )
  params.push(JSON.stringify(stamp))
  sets.push(`field_changes = field_changes || $${String(params.length)}::jsonb`)
  const updated = await tx.query<Row>(
    `UPDATE complaints SET ${sets.join(', ')} WHERE id = $1 RETURNING *`,
    params
  )
  const complaint = complaintOf(updated[0] ?? row)
  const event = await recordComplaintEvent(tx, {
    id: args.id,
    complaintId: row.id,
    scope: caseScope(row),
    action: 'edited',
    fromStatus: row.status,
    toStatus: row.status,
    note: null,
    actorId: claims.userId,
    at: args.at,
    fields: merged.apply.map((a) => a.field)
  })
  return [complaintChange(complaint), event]
}

/** Applies an edit inside the caller's transaction. */
export async function applyComplaintUpdate(
  tx: Queryable,
  claims: AccessClaims,
  args: ComplaintUpdateArgs
): Promise<MutationOutcome> {
  // The same edit re-sent under a new mutation id is a retry, not a second edit.
  const previous = await tx.query<{ actor_id: string }>(
    'SELECT actor_id FROM complaint_events WHERE id = $1',
    [args.id]
  )
  if (previous[0]) {
    if (previous[0].actor_id === claims.userId) return { status: 'applied', changes: [] }
    return rejected('conflict', 'A complaint event with this id belongs to another user')
  }
  const rows = await tx.query<Row>('SELECT * FROM complaints WHERE id = $1 FOR UPDATE', [
    args.complaintId
  ])
  const row = rows[0]
  if (!row) {
    return rejected('not_found', 'The complaint does not exist', { complaintId: args.complaintId })
  }
  const refusal = caseAccessRefusal(claims, row)
  if (refusal !== null) return rejected('forbidden', refusal)
  if (row.status === 'closed') {
    return rejected('conflict', 'A closed complaint cannot be edited; reopen it first', {
      status: row.status
    })
  }
  const current = editableValuesOf(complaintOf(row))
  const checked = await checkCategories(tx, mergeComplaintEdits(current, args.edits), current, args)
  if ('invalid' in checked) return rejected('invalid_argument', checked.invalid)
  const merged = checked.merged
  const changes = await writeMerged(tx, row, merged, claims, args)
  const stamps = fieldChangesSchema.catch({}).parse(row.field_changes)
  const conflicts: FieldConflict[] = merged.conflicts.map((c) => ({
    ...c,
    changedBy: stamps[c.field]?.by ?? null,
    changedAt: stamps[c.field]?.at ?? null
  }))
  if (changes.length > 0 || conflicts.length > 0) {
    await writeAudit(tx, {
      action: 'complaint.edited',
      actorId: claims.userId,
      target: row.id,
      details: { caseNumber: row.case_number, changed: merged.apply, conflicts }
    })
  }
  if (conflicts.length > 0) {
    return { status: 'conflict', changes, complaintId: row.id, conflicts }
  }
  return { status: 'applied', changes }
}
