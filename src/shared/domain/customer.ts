/**
 * The customer as the agent's cache holds it: identity, contact points, value metrics, what they
 * hold, consent and language. The server is the source of truth; clients pull it.
 */
import { z } from 'zod'

import { lineText, multilineText } from '../text/text-schemas'
export const languages = ['es', 'en'] as const
export type Language = (typeof languages)[number]

export const valueTiers = ['high_yield', 'high_potential', 'standard', 'below_zero'] as const
export type ValueTier = (typeof valueTiers)[number]

export const phoneKinds = ['mobile', 'home', 'work'] as const

export const customerPhoneSchema = z.object({
  e164: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be E.164'),
  kind: z.enum(phoneKinds)
})

export const productHeldSchema = z.object({
  code: z.string().max(32),
  name: lineText().max(120),
  since: z.iso.date()
})

/**
 * Read from pulls and the cache: display text is cleaned (see text-schemas.ts), keys are taken as
 * the server has them, so one old row never fails a page.
 */
export const customerSchema = z.object({
  id: z.uuid(),
  externalRef: z.string().max(64),
  firstName: lineText().max(120),
  lastName: lineText().max(120),
  documentId: z.string().max(64).nullable(),
  phones: z.array(customerPhoneSchema).max(20),
  emails: z.array(z.string().max(254)).max(20),
  preferredLanguage: z.enum(languages),
  tier: z.enum(valueTiers),
  recencyDays: z.number().int().min(0),
  frequency12m: z.number().int().min(0),
  monetary12m: z.number(),
  lifetimeValue: z.number(),
  products: z.array(productHeldSchema).max(100),
  doNotCall: z.boolean(),
  notes: multilineText().max(4000),
  updatedAt: z.string()
})

export type Customer = z.infer<typeof customerSchema>
export type CustomerPhone = z.infer<typeof customerPhoneSchema>

export function fullName(c: Pick<Customer, 'firstName' | 'lastName'>): string {
  return `${c.firstName} ${c.lastName}`.trim()
}
