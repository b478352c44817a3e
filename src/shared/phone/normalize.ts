/**
 * Caller numbers arrive in every shape (national, international, with prefixes, extensions,
 * "anonymous"). Everything is stored and looked up as E.164.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'

export type NormalizedNumber =
  | { kind: 'e164'; e164: string; extension?: string }
  | { kind: 'extension'; digits: string }
  | { kind: 'withheld' }
  | { kind: 'invalid'; raw: string }

const WITHHELD =
  /^(anonymous|restricted|private|unknown|unavailable|withheld|anonimo|anónimo|privado|desconocido)$/i
/** Internal extensions are short digit strings that no numbering plan treats as a phone number. */
const EXTENSION = /^\d{2,6}$/

export function normalizePhone(raw: string, defaultCountry: CountryCode): NormalizedNumber {
  const trimmed = raw.trim()
  if (trimmed === '' || WITHHELD.test(trimmed)) return { kind: 'withheld' }
  if (EXTENSION.test(trimmed)) return { kind: 'extension', digits: trimmed }
  // "00" is the international prefix across Europe and Latin America.
  const international = dropLegacyMexicanMobilePrefix(trimmed.replace(/^00(?=[1-9])/, '+'))
  const parsed = parsePhoneNumberFromString(international, defaultCountry)
  if (!parsed?.isPossible()) return { kind: 'invalid', raw: trimmed }
  const e164 = parsed.number
  return parsed.ext ? { kind: 'e164', e164, extension: parsed.ext } : { kind: 'e164', e164 }
}

/**
 * Mexico dropped the mobile "1" after +52 in 2019, but carriers and old address books still
 * send it; without this the same customer would have two numbers.
 */
function dropLegacyMexicanMobilePrefix(number: string): string {
  const compact = number.replace(/[\s().-]/g, '')
  return /^\+521\d{10}$/.test(compact) ? `+52${compact.slice(4)}` : number
}

/** E.164 for storage, or null when the input is not a phone number. */
export function toE164(raw: string, defaultCountry: CountryCode): string | null {
  const n = normalizePhone(raw, defaultCountry)
  return n.kind === 'e164' ? n.e164 : null
}

export type { CountryCode }
