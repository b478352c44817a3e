/**
 * Editing a complaint after it was filed, offline-capable: `complaint.update` carries, for each
 * changed field, the value the editor saw (`base`) and the new one. The server merges field by
 * field ({@link mergeComplaintEdits}): a field only this edit changed is applied; a field someone
 * else changed meanwhile to another value is a conflict, the server keeps its value and the user
 * chooses. Nothing is overwritten silently.
 */
import { z } from 'zod'

import { identifierText, lineText, multilineText } from '../text/text-schemas'
import { cleanMultiline } from '../text/unsafe-text'
import {
  complaintChannels,
  PRODUCT_CODE_MAX,
  PRODUCT_NAME_MAX,
  type ComplaintDetails
} from './complaint'
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
  'requestedRemedy',
  'product',
  'channel'
] as const
export type EditableComplaintField = (typeof editableComplaintFields)[number]

/** Every editable field is text or empty (null); the per-field rules are below. */
export type EditValue = string | null
export type EditableValues = Record<EditableComplaintField, EditValue>

const freeText = lineText().max(2000)

/**
 * The product is one editable field although it is stored as code and name: the two move
 * together, so a conflict is about the product and "use mine" never pairs one side's code with
 * the other's name. Its value is the canonical JSON of both ({@link productEditValue}).
 */
const productValueSchema = z.object({
  code: identifierText().min(1).max(PRODUCT_CODE_MAX).nullable(),
  // Not trimmed here: a name being typed keeps its spaces; the forms trim what they save.
  name: lineText().max(PRODUCT_NAME_MAX)
})
type ProductFields = Pick<ComplaintDetails, 'productCode' | 'productName'>

/** The product as one edit value: null for none, else `{"code":…,"name":…}` in that order. */
export function productEditValue(p: ProductFields): EditValue {
  if (p.productCode === null && p.productName === '') return null
  return JSON.stringify({ code: p.productCode, name: p.productName })
}

/** The product fields an edit value stands for (an unreadable value stands for none). */
export function productOfEditValue(value: EditValue): ProductFields {
  const none = { productCode: null, productName: '' }
  if (value === null || value === '') return none
  let raw: unknown
  try {
    raw = JSON.parse(value)
  } catch {
    return none
  }
  const parsed = productValueSchema.safeParse(raw)
  return parsed.success ? { productCode: parsed.data.code, productName: parsed.data.name } : none
}

const productEditSchema = z
  .string()
  .max(400)
  .nullable()
  .refine(
    (v) => {
      if (v === null) return true
      try {
        return productValueSchema.safeParse(JSON.parse(v)).success
      } catch {
        return false
      }
    },
    { message: 'a product is {"code": string | null, "name": string}' }
  )

/** What a new value must be, per field (the same rules as when the complaint was filed). */
export const editValueSchemas: Record<EditableComplaintField, z.ZodType<EditValue>> = {
  description: multilineText().min(3).max(4000),
  category: configCodeSchema,
  subcategory: configCodeSchema.nullable(),
  severity: z.enum(severities),
  qualityDimension: z.enum(qualityDimensions).nullable(),
  expected: freeText,
  received: freeText,
  requestedRemedy: freeText,
  product: productEditSchema,
  channel: z.enum(complaintChannels).nullable()
}

function cleanedValue(field: EditableComplaintField, value: EditValue): EditValue {
  if (value === null) return null
  const parsed = editValueSchemas[field].safeParse(value)
  return parsed.success ? parsed.data : cleanMultiline(value)
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
  // The value as its field's rule reads it (free text cleaned); the base is what the editor saw
  // of a stored value, cleaned the same way so an old row still compares equal.
  .overwrite((edit) => ({
    ...edit,
    base: cleanedValue(edit.field, edit.base),
    value: cleanedValue(edit.field, edit.value)
  }))
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

/** A complaint-shaped record: the editable fields as stored (the product as code and name). */
export type ComplaintEditSource = Omit<EditableValues, 'product'> & ProductFields

/** The editable values of a complaint-shaped record. */
export function editableValuesOf(c: ComplaintEditSource): EditableValues {
  return {
    description: c.description,
    category: c.category,
    subcategory: c.subcategory,
    severity: c.severity,
    qualityDimension: c.qualityDimension,
    expected: c.expected,
    received: c.received,
    requestedRemedy: c.requestedRemedy,
    product: productEditValue(c),
    channel: c.channel
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
