/**
 * Configuration the server owns and every client reads (pulled into the worker's cache,
 * read-only there): disposition codes, pause reasons, complaint categories with their
 * subcategories, compensation limits, and the directory of users and teams.
 */
import { z } from 'zod'

import { lineText } from '../text/text-schemas'
import { valueTiers } from './customer'
import { roles } from './user'

export const configCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)

/** Every label in both first-class languages. */
export const localizedLabelSchema = z.object({
  es: lineText().min(1),
  en: lineText().min(1)
})
export type LocalizedLabel = z.infer<typeof localizedLabelSchema>

/** Wrap-up codes: how a call ended, chosen by the agent after it. */
export const dispositionCodeSchema = z.object({
  code: configCodeSchema,
  label: localizedLabelSchema,
  /** Whether this outcome asks for a callback to be scheduled. */
  needsCallback: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number().int()
})
export type DispositionCode = z.infer<typeof dispositionCodeSchema>

export const pauseReasonSchema = z.object({
  code: configCodeSchema,
  label: localizedLabelSchema,
  /** Counted as paid time in occupancy reports. */
  paid: z.boolean(),
  /** A lead is alerted when a pause lasts longer; null: no limit. */
  maxMinutes: z.number().int().positive().nullable(),
  /** False for reasons only the app sets (e.g. the phone watchdog's `phone_problem`). */
  selectable: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number().int()
})
export type PauseReason = z.infer<typeof pauseReasonSchema>

export const complaintSubcategorySchema = z.object({
  code: configCodeSchema,
  label: localizedLabelSchema,
  active: z.boolean()
})

export const complaintCategoryConfigSchema = z.object({
  code: configCodeSchema,
  label: localizedLabelSchema,
  subcategories: z.array(complaintSubcategorySchema),
  active: z.boolean(),
  sortOrder: z.number().int()
})
export type ComplaintCategoryConfig = z.infer<typeof complaintCategoryConfigSchema>

export const compensationTypes = [
  'credit',
  'refund',
  'discount',
  'gift',
  'technician_visit'
] as const

/**
 * How much one person may grant without approval: per grant by role and customer tier, and a
 * daily cap per agent (by role) and per customer. Amounts are in `currency`.
 */
export const compensationLimitsSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  perGrant: z.array(
    z.object({ role: z.enum(roles), tier: z.enum(valueTiers), maxAmount: z.number().min(0) })
  ),
  dailyCapPerAgent: z.array(z.object({ role: z.enum(roles), maxAmount: z.number().min(0) })),
  dailyCapPerCustomer: z.number().min(0)
})
export type CompensationLimits = z.infer<typeof compensationLimitsSchema>

export const directoryUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: lineText(),
  role: z.enum(roles),
  teamId: z.uuid().nullable(),
  sipExtension: z.string().nullable()
})
export type DirectoryUser = z.infer<typeof directoryUserSchema>

export const teamSchema = z.object({ id: z.uuid(), name: lineText() })
export type Team = z.infer<typeof teamSchema>
