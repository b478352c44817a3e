/**
 * Editing a complaint after it was filed, offline-capable: `complaint.update` carries, for each
 * changed field, the value the editor saw (`base`) and the new one. The server merges field by
 * field ({@link mergeComplaintEdits}): a field only this edit changed is applied; a field someone
 * else changed meanwhile to another value is a conflict, the server keeps its value and the user
 * chooses. Nothing is overwritten silently.
 */
import { z } from 'zod'

import { severities } from './complaint-severity'
import { configCodeSchema } from './configuration'
import { qualityDimensions } from './quality-dimensions'

export const editableComplaintFields = [
  'description',
  'category',
  'subcategory',
  'severity',
  'qualityDimension',
  'expected',
  'received',
  'requestedRemedy'
] as const
export type EditableComplaintField = (typeof editableComplaintFields)[number]

/** Every editable field is text or empty (null); the per-field rules are below. */
export type EditValue = string | null
export type EditableValues = Record<EditableComplaintField, EditValue>

const freeText = z.string().max(2000)

/** What a new value must be, per field (the same rules as when the complaint was filed). */
export const editValueSchemas: Record<EditableComplaintField, z.ZodType<EditValue>> = {
  description: z.string().min(3).max(4000),
  category: configCodeSchema,
  subcategory: configCodeSchema.nullable(),
  severity: z.enum(severities),
  qualityDimension: z.enum(qualityDimensions).nullable(),
  expected: freeText,
  received: freeText,
  requestedRemedy: freeText
}

/** A whole set of editable values, each checked by its field's rule. */
export const editableValuesSchema = z.object(editValueSchemas)

export const fieldEditSchema = z
  .object({
    field: z.enum(editableComplaintFields),
    /** The value the editor saw when it started; what "nobody else changed it" is checked on. */
    base: z.string().max(4000).nullable(),
    value: z.string().max(4000).nullable()
  })
  .superRefine((edit, ctx) => {
    const check = editValueSchemas[edit.field].safeParse(edit.value)
    if (!check.success) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `Invalid value for ${edit.field}: ${check.error.issues[0]?.message ?? ''}`
      })
    }
  })
export type FieldEdit = z.infer<typeof fieldEditSchema>

export const complaintUpdateArgsSchema = z.object({
  /** The timeline event's id, generated on the client so a retry is the same edit. */
  id: z.uuid(),
  complaintId: z.uuid(),
  edits: z
    .array(fieldEditSchema)
    .min(1)
    .max(editableComplaintFields.length)
    .refine((edits) => new Set(edits.map((e) => e.field)).size === edits.length, {
      message: 'each field at most once'
    }),
  at: z.iso.datetime()
})
export type ComplaintUpdateArgs = z.infer<typeof complaintUpdateArgsSchema>

/** A field both sides changed to different values: the server kept `theirs`. */
export const fieldConflictSchema = z.object({
  field: z.enum(editableComplaintFields),
  base: z.string().nullable(),
  theirs: z.string().nullable(),
  yours: z.string().nullable(),
  /** Who last changed the field on the server, and when (null when the server cannot tell). */
  changedBy: z.uuid().nullable(),
  changedAt: z.string().nullable()
})
export type FieldConflict = z.infer<typeof fieldConflictSchema>

export interface MergeResult {
  /** Fields to write, with their new values. */
  apply: { field: EditableComplaintField; from: EditValue; to: EditValue }[]
  /** Fields someone else changed to another value: left as they are on the server. */
  conflicts: {
    field: EditableComplaintField
    base: EditValue
    theirs: EditValue
    yours: EditValue
  }[]
}

/**
 * Three-way merge of one edit onto the current values, field by field:
 * - the field still holds `base`: nobody else touched it, the new value applies;
 * - it already holds the new value: both sides agree, nothing to do;
 * - otherwise someone else changed it to something else: a conflict (theirs is kept).
 * An empty value (null or '') is a value like any other, so clearing a field merges the same way.
 */
export function mergeComplaintEdits(
  current: EditableValues,
  edits: readonly Pick<FieldEdit, 'field' | 'base' | 'value'>[]
): MergeResult {
  const result: MergeResult = { apply: [], conflicts: [] }
  for (const edit of edits) {
    const theirs = current[edit.field]
    if (theirs === edit.value) continue
    if (theirs === edit.base) {
      result.apply.push({ field: edit.field, from: theirs, to: edit.value })
    } else {
      result.conflicts.push({ field: edit.field, base: edit.base, theirs, yours: edit.value })
    }
  }
  return result
}

/** The editable values of a complaint-shaped record. */
export function editableValuesOf(c: EditableValues): EditableValues {
  return {
    description: c.description,
    category: c.category,
    subcategory: c.subcategory,
    severity: c.severity,
    qualityDimension: c.qualityDimension,
    expected: c.expected,
    received: c.received,
    requestedRemedy: c.requestedRemedy
  }
}

/**
 * The edits that turn `before` (what the editor saw) into `after` (what it saved): only the
 * fields that differ, each with its base.
 */
export function editsBetween(
  before: EditableValues,
  after: EditableValues
): Pick<FieldEdit, 'field' | 'base' | 'value'>[] {
  return editableComplaintFields.flatMap((field) =>
    before[field] === after[field] ? [] : [{ field, base: before[field], value: after[field] }]
  )
}
