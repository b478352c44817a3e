/**
 * Turns what the agent typed or pasted into what the phone dials: extensions as typed, SIP URIs
 * as given, anything else normalised to E.164 (with the site's dial prefix, if any).
 */
import { normalizePhone, type CountryCode } from '@shared/phone/normalize'

export type DialPlan =
  { ok: true; target: string } | { ok: false; reason: 'empty' | 'invalid' | 'withheld' }

export function planDial(raw: string, defaultCountry: CountryCode, dialPrefix: string): DialPlan {
  const typed = raw.trim()
  if (typed === '') return { ok: false, reason: 'empty' }
  if (/^sips?:[^\s]+$/i.test(typed)) return { ok: true, target: typed }
  const number = normalizePhone(typed, defaultCountry)
  switch (number.kind) {
    case 'extension':
      return { ok: true, target: number.digits }
    case 'e164':
      return { ok: true, target: `${dialPrefix}${number.e164}` }
    case 'withheld':
      return { ok: false, reason: 'withheld' }
    case 'invalid':
      return { ok: false, reason: 'invalid' }
  }
}

/** What a `tel:`/`sip:` link dials: the number of a `tel:` URI, a SIP URI as it is. */
export function linkTarget(uri: string): string {
  if (!/^tel:/i.test(uri)) return uri
  const number = uri.slice(4).split(';')[0] ?? ''
  try {
    return decodeURIComponent(number)
  } catch {
    return number
  }
}
