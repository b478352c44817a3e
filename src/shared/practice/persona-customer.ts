/**
 * A persona shown as a customer card. The desk's card, script conditions and offer rules read a
 * customer; a practice call gives them the persona in that shape. The id is derived from the
 * persona id (the same every time, so a script run keeps one customer), shaped as a uuid the
 * cache and server never hold: no record carries it, since practice records name the persona
 * (`personaId`) and no customer (practice-mark.ts).
 */
import type { Customer } from '../domain/customer'
import type { Persona } from './scenario-schema'

/** 32 hex digits from the id: four FNV-1a hashes with different offsets. */
function hashHex(text: string): string {
  let out = ''
  for (let seed = 0; seed < 4; seed++) {
    let h = (0x811c9dc5 ^ seed) >>> 0
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i)
      h = Math.imul(h, 0x01000193) >>> 0
    }
    out += h.toString(16).padStart(8, '0')
  }
  return out
}

/** A version-8 (custom) uuid made from the persona id. */
export function personaCustomerId(personaId: string): string {
  const h = hashHex(personaId)
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export function personaAsCustomer(persona: Persona, updatedAt: string): Customer {
  return {
    id: personaCustomerId(persona.id),
    externalRef: persona.id,
    firstName: persona.firstName,
    lastName: persona.lastName,
    documentId: null,
    phones: [{ e164: persona.phone, kind: 'mobile' }],
    emails: [],
    preferredLanguage: persona.language,
    tier: persona.valueTier,
    recencyDays: 0,
    frequency12m: persona.history.length,
    monetary12m: 0,
    lifetimeValue: 0,
    products: persona.products,
    doNotCall: false,
    notes: '',
    updatedAt
  }
}
