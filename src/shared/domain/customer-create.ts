/**
 * Quick-create from the screen pop: an agent records an unknown caller as a new contact. The id
 * is generated on the client so a retried push is the same contact; the server validates,
 * scopes it to the agent's team and logs it so it syncs back to every client of that team.
 */
import { isValidPhoneNumber } from 'libphonenumber-js'
import { z } from 'zod'

import { lineText } from '../text/text-schemas'
import { languages, type Customer } from './customer'

const E164 = /^\+[1-9]\d{6,14}$/

export const customerCreateArgsSchema = z.object({
  id: z.uuid(),
  firstName: lineText().trim().min(1).max(120),
  lastName: lineText().trim().max(120),
  phoneE164: z
    .string()
    .regex(E164, 'must be E.164')
    .refine((p) => isValidPhoneNumber(p), 'not a valid phone number')
    .nullable(),
  email: z.email().max(254).nullable(),
  preferredLanguage: z.enum(languages),
  createdAt: z.iso.datetime()
})
export type CustomerCreateArgs = z.infer<typeof customerCreateArgsSchema>

/** The external reference of a contact created by an agent; unique because the id is. */
export function createdCustomerRef(id: string): string {
  return `NEW-${id}`
}

/**
 * The customer record a quick-create stands for, built the same way on the client (optimistic
 * row) and on the server (authoritative row), so the rebase changes nothing the agent sees.
 */
export function customerFromCreateArgs(args: CustomerCreateArgs): Customer {
  return {
    id: args.id,
    externalRef: createdCustomerRef(args.id),
    firstName: args.firstName.trim(),
    lastName: args.lastName.trim(),
    documentId: null,
    phones: args.phoneE164 === null ? [] : [{ e164: args.phoneE164, kind: 'mobile' }],
    emails: args.email === null ? [] : [args.email.trim().toLowerCase()],
    preferredLanguage: args.preferredLanguage,
    // A new contact has no history yet: no purchases, standard tier.
    tier: 'standard',
    recencyDays: 0,
    frequency12m: 0,
    monetary12m: 0,
    lifetimeValue: 0,
    products: [],
    doNotCall: false,
    notes: '',
    updatedAt: args.createdAt
  }
}
