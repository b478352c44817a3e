/**
 * Callbacks: a call the agent promises to make later (customer, number, when, why), scheduled
 * from the wrap-up, the customer card or a script, assigned to the agent by default. Durable and
 * synced; the team sees its callbacks, and whoever makes the call marks it done.
 */
import { z } from 'zod'

import { identifierText, lineText, multilineText } from '../text/text-schemas'
export const MAX_CALLBACK_NOTE = 1000
export const callbackStatuses = ['open', 'done'] as const
export type CallbackStatus = (typeof callbackStatuses)[number]

const e164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be E.164')

const fields = z.strictObject({
  customerId: z.uuid().nullable(),
  /** Who to ask for, as the agent wrote it (the customer's name, prefilled from the card). */
  contactName: lineText().trim().max(200),
  phoneE164: e164Schema,
  dueAt: z.iso.datetime(),
  note: multilineText().trim().max(MAX_CALLBACK_NOTE),
  /** Who makes the call: the scheduling agent unless they chose a teammate. */
  assigneeId: z.uuid(),
  /** Scheduled during a practice call: never dialled for real, never in production figures. */
  practice: z.boolean(),
  /** The call it was promised on, if any. */
  callId: identifierText().min(1).max(256).nullable()
})

/** What the page hands the data worker; the assignee defaults to the signed-in user. */
export const callbackScheduleInputSchema = fields.extend({ assigneeId: z.uuid().optional() })
export type CallbackScheduleInput = z.infer<typeof callbackScheduleInputSchema>

/** The `callback.schedule` mutation. */
export const callbackScheduleArgsSchema = fields.extend({
  id: z.uuid(),
  createdAt: z.iso.datetime()
})
export type CallbackScheduleArgs = z.infer<typeof callbackScheduleArgsSchema>

/** The `callback.complete` mutation: `id` is the callback's. */
export const callbackCompleteArgsSchema = z.strictObject({
  id: z.uuid(),
  completedAt: z.iso.datetime()
})
export type CallbackCompleteArgs = z.infer<typeof callbackCompleteArgsSchema>

/** The server's callback, sent whole on every change (the latest wins). */
export const callbackSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid().nullable(),
  contactName: lineText(),
  phoneE164: z.string(),
  dueAt: z.string(),
  note: multilineText(),
  assigneeId: z.uuid(),
  practice: z.boolean(),
  callId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.uuid(),
  /** Null for a practice callback by someone outside any team (a trainer). */
  teamId: z.uuid().nullable(),
  status: z.enum(callbackStatuses),
  completedAt: z.string().nullable(),
  completedBy: z.uuid().nullable()
})
export type Callback = z.infer<typeof callbackSchema>
