/**
 * Demo phone numbers written the way people type them in each country, then stored as E.164
 * through the same normaliser the app uses. A number is kept only if it is valid for its country.
 */
import { isValidPhoneNumber } from 'libphonenumber-js'

import type { CustomerPhone } from '@shared/domain/customer'
import { toE164, type CountryCode } from '@shared/phone/normalize'
import type { Prng } from './prng'

type PhoneKind = CustomerPhone['kind']

interface Template {
  country: CountryCode
  kind: PhoneKind
  /** Builds a national or international spelling from random digits. */
  write(d: (n: number) => string): string
}

const templates: readonly [Template, ...Template[]] = [
  { country: 'ES', kind: 'mobile', write: (d) => `6${d(2)} ${d(2)} ${d(2)} ${d(2)}` },
  { country: 'ES', kind: 'home', write: (d) => `91 ${d(3)} ${d(2)} ${d(2)}` },
  { country: 'ES', kind: 'work', write: (d) => `+34 93 ${d(3)} ${d(4)}` },
  { country: 'MX', kind: 'mobile', write: (d) => `55 ${d(4)} ${d(4)}` },
  { country: 'MX', kind: 'work', write: (d) => `+52 33 ${d(4)} ${d(4)}` },
  { country: 'CO', kind: 'mobile', write: (d) => `31${d(1)} ${d(3)} ${d(4)}` },
  { country: 'CO', kind: 'home', write: (d) => `601 ${d(3)} ${d(4)}` },
  { country: 'AR', kind: 'mobile', write: (d) => `+54 9 11 4${d(3)}-${d(4)}` },
  { country: 'AR', kind: 'home', write: (d) => `011 4${d(3)}-${d(4)}` },
  { country: 'CL', kind: 'mobile', write: (d) => `+56 9 ${d(4)} ${d(4)}` },
  { country: 'US', kind: 'mobile', write: (d) => `(305) ${2 + (Number(d(1)) % 8)}${d(2)}-${d(4)}` },
  { country: 'US', kind: 'work', write: (d) => `+1 212 ${2 + (Number(d(1)) % 8)}${d(2)} ${d(4)}` }
]

const MAX_ATTEMPTS = 20

/** One valid phone as E.164; `preferred` biases the country toward the customer's own. */
export function randomPhone(prng: Prng, preferred?: CountryCode): CustomerPhone {
  const digits = (n: number): string => Array.from({ length: n }, () => prng.int(0, 9)).join('')
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const local = templates.filter((t) => t.country === preferred)
    const pool = local.length > 0 && prng.chance(0.8) ? local : templates
    const template = pool[prng.int(0, pool.length - 1)] ?? templates[0]
    const written = template.write(digits)
    const e164 = toE164(written, template.country)
    if (e164 && isValidPhoneNumber(e164)) {
      return { e164, kind: template.kind }
    }
  }
  throw new Error('Could not generate a valid phone number')
}
