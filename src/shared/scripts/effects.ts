/**
 * Effects: what an `action` node asks the app to do. The interpreter only describes them; the
 * app carries them out (opens a prefilled complaint, books a callback, transfers the call). Texts
 * are resolved in the run's language with variables filled in as plain text.
 */
import { z } from 'zod'

import { complaintCategories, type ComplaintCategory } from '../domain/complaint'
import { nextBestOffer } from '../domain/next-best-offer'
import { pickText } from './localized-text'
import type { RunContext } from './run-context'
import { NEXT_BEST_OFFER, type ActionSpec } from './schema'
import { partsToText, renderTemplate, type VariableLookup } from './template'

export const effectSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('create_complaint'),
    category: z.enum(complaintCategories),
    description: z.string(),
    customerId: z.string().nullable()
  }),
  z.strictObject({
    type: z.literal('schedule_callback'),
    /** An exact time (inMinutes) or a day the customer chose (dateAnswer); null if unanswered. */
    due: z.union([
      z.strictObject({ at: z.iso.datetime() }),
      z.strictObject({ date: z.iso.date() }),
      z.null()
    ]),
    note: z.string(),
    customerId: z.string().nullable()
  }),
  z.strictObject({ type: z.literal('set_disposition'), code: z.string() }),
  z.strictObject({
    type: z.literal('transfer'),
    target: z.union([
      z.strictObject({ kind: z.literal('number'), e164: z.string() }),
      z.strictObject({ kind: z.literal('queue'), queue: z.string() })
    ])
  }),
  z.strictObject({
    type: z.literal('offer_product'),
    /** Null when `next_best_offer` found nothing to offer this customer. */
    productCode: z.string().nullable(),
    customerId: z.string().nullable()
  })
])
export type ScriptEffect = z.infer<typeof effectSchema>

const isCategory = (value: string): value is ComplaintCategory =>
  complaintCategories.some((c) => c === value)

/**
 * The effect an action describes, or an error message when the script names something the app
 * cannot do (the validator reports these before a script ships).
 */
export function resolveEffect(
  action: ActionSpec,
  context: RunContext,
  lookup: VariableLookup,
  dateAnswer: (nodeId: string) => string | undefined
): ScriptEffect | string {
  const text = (t: Parameters<typeof pickText>[0]): string =>
    partsToText(renderTemplate(pickText(t, context.language), lookup))
  const customerId = context.customer?.id ?? null
  switch (action.type) {
    case 'create_complaint':
      if (!isCategory(action.category)) return `unknown complaint category ${action.category}`
      return {
        type: 'create_complaint',
        category: action.category,
        description: text(action.description),
        customerId
      }
    case 'schedule_callback': {
      const note = action.note ? text(action.note) : ''
      if (action.inMinutes !== undefined) {
        const at = new Date(context.now.getTime() + action.inMinutes * 60_000).toISOString()
        return { type: 'schedule_callback', due: { at }, note, customerId }
      }
      const date = action.dateAnswer === undefined ? undefined : dateAnswer(action.dateAnswer)
      return {
        type: 'schedule_callback',
        due: date === undefined ? null : { date },
        note,
        customerId
      }
    }
    case 'set_disposition':
      return { type: 'set_disposition', code: action.code }
    case 'transfer':
      if (action.number !== undefined) {
        return { type: 'transfer', target: { kind: 'number', e164: action.number } }
      }
      if (action.queue !== undefined) {
        return { type: 'transfer', target: { kind: 'queue', queue: action.queue } }
      }
      return 'a transfer needs a number or a queue'
    case 'offer_product': {
      const productCode =
        action.product === NEXT_BEST_OFFER
          ? context.customer
            ? (nextBestOffer(context.customer)?.productCode ?? null)
            : null
          : action.product
      return { type: 'offer_product', productCode, customerId }
    }
  }
}
