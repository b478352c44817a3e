/**
 * Configuration the server owns and every client reads (pulled into the worker's cache,
 * read-only there): disposition codes, pause reasons, complaint categories with their
 * subcategories, compensation limits, the floor's alert thresholds, and the directory of users and
 * teams.
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

/** What a lead's floor alerts on (src/renderer/src/features/floor/floor-alerts.ts). */
export const floorAlertKinds = [
  'longCall',
  'longWrapUp',
  'pauseOverLimit',
  'phoneOutOfService',
  'missedCall',
  'handRaised',
  'connectionLost'
] as const
export type FloorAlertKind = (typeof floorAlertKinds)[number]

/**
 * The floor's alert thresholds and which alerts also raise an OS notification while the app is
 * hidden. A pause's limit is its reason's `maxMinutes`; the rest are here.
 */
export const floorAlertsSchema = z.object({
  longCallMinutes: z.int().min(1).max(600),
  longWrapUpSeconds: z.int().min(10).max(3600),
  missedCallWindowMinutes: z.int().min(1).max(240),
  notify: z.object(
    Object.fromEntries(floorAlertKinds.map((k) => [k, z.boolean()])) as Record<
      FloorAlertKind,
      z.ZodBoolean
    >
  )
})
export type FloorAlerts = z.infer<typeof floorAlertsSchema>

/**
 * What a floor uses until an admin sets its own (and what the seed publishes): a database seeded
 * before the setting existed has none until then.
 */
export const defaultFloorAlerts: FloorAlerts = {
  longCallMinutes: 15,
  longWrapUpSeconds: 120,
  missedCallWindowMinutes: 15,
  notify: {
    longCall: true,
    longWrapUp: true,
    pauseOverLimit: true,
    phoneOutOfService: true,
    missedCall: true,
    handRaised: true,
    connectionLost: true
  }
}

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
