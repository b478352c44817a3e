/**
 * What an admin sends to change the configuration (see src/server/configuration/configuration-routes.ts):
 * new entries, partial updates, the whole compensation limits table and the floor's alert
 * thresholds. Entries are retired,
 * never deleted, so the records that name them (offline ones too) stay valid.
 */
import { z } from 'zod'

import { lineText } from '../text/text-schemas'
import {
  compensationLimitsSchema,
  complaintCategoryConfigSchema,
  configCodeSchema,
  dispositionCodeSchema,
  floorAlertKinds,
  floorAlertsSchema,
  pauseReasonSchema,
  type FloorAlertKind
} from './configuration'

/** Set only by the phone watchdog when the phone cannot take calls: it can never be retired. */
export const WATCHDOG_PAUSE_REASON = 'phone_problem'

// Unsafe characters were refused at the HTTP edge; a pasted line break becomes a space here.
const label = lineText().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters')

/** A label in both first-class languages: neither may be left out. */
export const editedLabelSchema = z.strictObject({ es: label, en: label })

const sortOrder = z.number().int().min(0).max(1_000_000)

/** At least one field: an empty update is a mistake, not a no-op worth an audit row. */
function nonEmpty<T extends z.ZodRawShape>(shape: T) {
  return z
    .strictObject(shape)
    .partial()
    .refine((value) => Object.values(value).some((v) => v !== undefined), {
      message: 'name at least one field to change'
    })
}

export const dispositionCodeCreateSchema = z.strictObject({
  code: configCodeSchema,
  label: editedLabelSchema,
  needsCallback: z.boolean().default(false),
  /** After the last entry when left out. */
  sortOrder: sortOrder.optional()
})
export type DispositionCodeCreate = z.infer<typeof dispositionCodeCreateSchema>

export const dispositionCodeUpdateSchema = nonEmpty({
  label: editedLabelSchema,
  needsCallback: z.boolean(),
  sortOrder
})
export type DispositionCodeUpdate = z.infer<typeof dispositionCodeUpdateSchema>

const maxMinutes = z
  .number()
  .int()
  .positive()
  .max(24 * 60)
  .nullable()

export const pauseReasonCreateSchema = z.strictObject({
  code: configCodeSchema,
  label: editedLabelSchema,
  paid: z.boolean().default(false),
  /** Null: no limit. */
  maxMinutes: maxMinutes.default(null),
  selectable: z.boolean().default(true),
  sortOrder: sortOrder.optional()
})
export type PauseReasonCreate = z.infer<typeof pauseReasonCreateSchema>

export const pauseReasonUpdateSchema = nonEmpty({
  label: editedLabelSchema,
  paid: z.boolean(),
  maxMinutes,
  selectable: z.boolean(),
  sortOrder
})
export type PauseReasonUpdate = z.infer<typeof pauseReasonUpdateSchema>

/** A complaint category or a subcategory: codes are unique across both. */
export const complaintCategoryCreateSchema = z.strictObject({
  code: configCodeSchema,
  label: editedLabelSchema,
  sortOrder: sortOrder.optional()
})
export type ComplaintCategoryCreate = z.infer<typeof complaintCategoryCreateSchema>

export const complaintCategoryUpdateSchema = nonEmpty({ label: editedLabelSchema, sortOrder })
export type ComplaintCategoryUpdate = z.infer<typeof complaintCategoryUpdateSchema>

const amount = z.number().min(0).max(1_000_000_000)

/** The whole compensation limits table: what it holds replaces what was there. */
export const compensationLimitsEditSchema = z
  .strictObject({
    currency: compensationLimitsSchema.shape.currency,
    perGrant: z.array(
      z.strictObject({
        role: compensationLimitsSchema.shape.perGrant.element.shape.role,
        tier: compensationLimitsSchema.shape.perGrant.element.shape.tier,
        maxAmount: amount
      })
    ),
    dailyCapPerAgent: z.array(
      z.strictObject({
        role: compensationLimitsSchema.shape.dailyCapPerAgent.element.shape.role,
        maxAmount: amount
      })
    ),
    dailyCapPerCustomer: amount
  })
  .superRefine((limits, ctx) => {
    const pairs = new Set<string>()
    for (const [i, l] of limits.perGrant.entries()) {
      const key = `${l.role}/${l.tier}`
      if (pairs.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['perGrant', i],
          message: `${key} is listed twice`
        })
      }
      pairs.add(key)
    }
    const capped = new Set<string>()
    for (const [i, c] of limits.dailyCapPerAgent.entries()) {
      if (capped.has(c.role)) {
        ctx.addIssue({
          code: 'custom',
          path: ['dailyCapPerAgent', i],
          message: `${c.role} is listed twice`
        })
      }
      capped.add(c.role)
    }
  })
export type CompensationLimitsEdit = z.infer<typeof compensationLimitsEditSchema>

const whole = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${String(min)}`)
    .max(max, `${what} must be at most ${String(max)}`)

/** The floor's alert thresholds, replaced whole: every threshold and every notify switch. */
export const floorAlertsEditSchema = z.strictObject({
  longCallMinutes: whole('longCallMinutes', 1, 600),
  longWrapUpSeconds: whole('longWrapUpSeconds', 10, 3600),
  missedCallWindowMinutes: whole('missedCallWindowMinutes', 1, 240),
  notify: z.strictObject(
    Object.fromEntries(
      floorAlertKinds.map((k) => [k, z.boolean({ error: `notify.${k} must be true or false` })])
    ) as Record<FloorAlertKind, z.ZodBoolean>
  )
})
export type FloorAlertsEdit = z.infer<typeof floorAlertsEditSchema>

/** Everything configured, retired entries included: what the admin screen edits. */
export const adminConfigurationSchema = z.object({
  dispositionCodes: z.array(dispositionCodeSchema),
  pauseReasons: z.array(pauseReasonSchema),
  complaintCategories: z.array(complaintCategoryConfigSchema),
  compensationLimits: compensationLimitsSchema,
  floorAlerts: floorAlertsSchema
})
export type AdminConfiguration = z.infer<typeof adminConfigurationSchema>
