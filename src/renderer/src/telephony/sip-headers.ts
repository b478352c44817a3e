/**
 * What a SIP INVITE says about the caller, read once at the edge: CTI headers set by an IVR or a
 * PBX, the caller's number and display name. All of it is hostile input: it is length-capped,
 * stripped of control characters and only ever rendered as text.
 */
import { z } from 'zod'

/**
 * Headers always copied into {@link CallInfo.ctiHeaders}, by their lower-case name: the default
 * customer headers, the asserted identity, and the queue, campaign and called number that script
 * selection reads. A site's configured customer headers are copied as well.
 */
export const CTI_HEADER_NAMES = [
  'X-Customer-Id',
  'X-Account',
  'P-Asserted-Identity',
  'X-Queue',
  'X-Campaign',
  'X-Called-Number'
] as const
/** More headers than this in the configuration are ignored (each costs a lookup per INVITE). */
const MAX_EXTRA_HEADERS = 16

const MAX_HEADER_LENGTH = 256
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g

const headerValueSchema = z
  .string()
  .transform((value) => value.replace(CONTROL_CHARS, '').trim().slice(0, MAX_HEADER_LENGTH))
  .pipe(z.string().min(1))

/**
 * The CTI headers present on a request, lower-cased names, cleaned values.
 *
 * @param getHeader - reads one header's value, `undefined` when absent (SIP.js `getHeader`).
 * @param extraNames - the site's configured header names (already checked as header tokens).
 */
export function readCtiHeaders(
  getHeader: (name: string) => string | undefined,
  extraNames: readonly string[] = []
): Record<string, string> {
  const headers: Record<string, string> = {}
  const names = new Set(
    [...CTI_HEADER_NAMES, ...extraNames.slice(0, MAX_EXTRA_HEADERS)].map((n) => n.toLowerCase())
  )
  for (const name of names) {
    const parsed = headerValueSchema.safeParse(getHeader(name))
    if (parsed.success) headers[name.toLowerCase()] = parsed.data
  }
  return headers
}

/** The longest answer delay a PBX may ask for; anything above is treated as this. */
const MAX_ANSWER_AFTER_SECONDS = 60

/**
 * The delay (seconds) after which the INVITE asks to be answered by itself, or null: PBX
 * paging and intercom send `Call-Info: <uri>;answer-after=N` (Yealink, Grandstream, Snom),
 * `Alert-Info: info=alert-autoanswer`, or Polycom's `Alert-Info: Auto Answer`.
 */
export function requestedAnswerDelay(
  getHeader: (name: string) => string | undefined
): number | null {
  const callInfo = getHeader('Call-Info') ?? ''
  const after = /(?:^|[;,\s])answer-after\s*=\s*(\d{1,6})/i.exec(callInfo)?.[1]
  if (after !== undefined) return Math.min(Number(after), MAX_ANSWER_AFTER_SECONDS)
  if (/auto[-\s]?answer/i.test(getHeader('Alert-Info') ?? '')) return 0
  return null
}

/** A display name or number as signalled, cleaned; `null` when empty. */
export function cleanIdentity(value: string | undefined): string | null {
  const parsed = headerValueSchema.safeParse(value)
  return parsed.success ? parsed.data.replace(/^"|"$/g, '') : null
}

/**
 * The SIP URI to dial for what the agent typed: a full `sip:` URI as is, otherwise the user
 * part (an extension, an E.164 number, or digits with the dial prefix) at the account's domain.
 */
export function dialTarget(user: string, domain: string): string {
  if (/^sips?:/i.test(user)) return user
  return `sip:${encodeURIComponent(user).replace(/%2B/g, '+')}@${domain}`
}

/** The host part of an address of record such as `sip:1001@atiende.local`. */
export function domainOf(aor: string): string {
  const at = aor.lastIndexOf('@')
  return at === -1 ? aor.replace(/^sips?:/i, '') : aor.slice(at + 1).replace(/[;>].*$/, '')
}
