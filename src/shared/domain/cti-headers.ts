/**
 * CTI headers: an IVR that already identified the caller says so in SIP headers such as
 * `X-Customer-Id` or `X-Account`. Which headers count is configuration; their values are
 * hostile input, so only short, printable values are taken as ids.
 */

/** The headers tried when nothing is configured, in priority order. */
export const DEFAULT_CTI_HEADERS: readonly string[] = ['x-customer-id', 'x-account']

const MAX_ID_LENGTH = 128
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** RFC 7230 `token`: the characters a header field name may have. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/i
const MAX_NAME_LENGTH = 64

export type CtiHeaderNameProblem = 'not_a_token' | 'too_long'

/** Why `name` (already trimmed) cannot be a header name, or null when it can. */
export function ctiHeaderNameProblem(name: string): CtiHeaderNameProblem | null {
  if (name.length > MAX_NAME_LENGTH) return 'too_long'
  return TOKEN.test(name) ? null : 'not_a_token'
}

/**
 * Checks an ordered list of header names as typed (one entry each): names are lower-cased and
 * kept once, in their first position; every bad entry is reported with its problem. An empty
 * list means the default one.
 */
export function checkCtiHeaderNames(entries: readonly string[]): {
  names: string[]
  errors: { entry: string; problem: CtiHeaderNameProblem }[]
} {
  const names: string[] = []
  const errors: { entry: string; problem: CtiHeaderNameProblem }[] = []
  for (const raw of entries) {
    const entry = raw.trim()
    if (entry === '') continue
    const problem = ctiHeaderNameProblem(entry)
    if (problem) errors.push({ entry, problem })
    else if (!names.includes(entry.toLowerCase())) names.push(entry.toLowerCase())
  }
  return { names, errors }
}

/** Header names from a stored list, lower-cased; the default when none is valid. */
export function parseCtiHeaderNames(
  setting: string | readonly string[] | null | undefined
): readonly string[] {
  const entries = typeof setting === 'string' ? setting.split(',') : (setting ?? [])
  const { names } = checkCtiHeaderNames(entries)
  return names.length > 0 ? names : DEFAULT_CTI_HEADERS
}

/**
 * The candidate ids carried by `headers` (keyed by lower-case name), in the order of `names`,
 * trimmed, without duplicates, empty or over-long values.
 */
export function ctiIdsFrom(
  headers: Readonly<Record<string, string>>,
  names: readonly string[]
): string[] {
  const ids: string[] = []
  for (const name of names) {
    const value = headers[name.toLowerCase()]?.replace(CONTROL, '').trim()
    if (value && value.length <= MAX_ID_LENGTH && !ids.includes(value)) ids.push(value)
  }
  return ids
}
