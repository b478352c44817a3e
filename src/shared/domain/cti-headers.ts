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

/** Header names from a comma-separated setting, lower-cased; the default when it is empty. */
export function parseCtiHeaderNames(setting: string | null | undefined): readonly string[] {
  const names = (setting ?? '')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter((n) => /^[a-z0-9-]{1,64}$/.test(n))
  return names.length > 0 ? [...new Set(names)] : DEFAULT_CTI_HEADERS
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
