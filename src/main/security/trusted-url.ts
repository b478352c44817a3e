/**
 * URL trust decisions, always made on parsed URLs: string prefixes can be fooled
 * (`app://atiende.evil.com`, `app://atiende@evil`). Also the parser for incoming tel:/sip: links.
 */

/** The only origin our renderer is served from. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'atiende'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

const MAX_URL_LENGTH = 2048
const SAFE_EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['https:', 'mailto:', 'tel:'])
// Whitespace and control characters: the URL parser silently drops some of them, which is how
// `java\tscript:` style tricks work, so raw input containing them is refused outright.
const UNSAFE_CHARS = /[\s\p{Cc}\p{Cf}]/u

function parse(raw: string): URL | null {
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH || UNSAFE_CHARS.test(raw)) return null
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/** True when `url` is on the app origin `app://atiende` exactly (no credentials, no port). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url)
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/**
 * Returns the normalised href when `url` may be handed to the OS (`shell.openExternal`):
 * only https:, mailto: and tel:, never with credentials; otherwise null.
 */
export function toSafeExternalUrl(url: string): string | null {
  const parsed = parse(url)
  if (parsed === null || !SAFE_EXTERNAL_PROTOCOLS.has(parsed.protocol)) return null
  if (parsed.username !== '' || parsed.password !== '') return null
  if (parsed.protocol === 'https:' && parsed.hostname === '') return null
  return parsed.href
}

/** True when `url` may be opened outside the app; see {@link toSafeExternalUrl}. */
export function isSafeExternalUrl(url: string): boolean {
  return toSafeExternalUrl(url) !== null
}

/**
 * Builds a predicate for "this URL is our renderer": the app origin, plus the electron-vite dev
 * server origin when one is given (development only, never in a packaged app).
 */
export function trustedRendererPredicate(devServerUrl: string | null): (url: string) => boolean {
  const devOrigin = devServerUrl === null ? null : devLoopbackOrigin(devServerUrl)
  return (url) => {
    if (isAppUrl(url)) return true
    if (devOrigin === null) return false
    const parsed = parse(url)
    return parsed !== null && parsed.origin === devOrigin
  }
}

/** Only a loopback http(s) dev server may be trusted: anything else is a misconfiguration. */
function devLoopbackOrigin(raw: string): string | null {
  const parsed = parse(raw)
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null
  if (parsed.username !== '' || parsed.password !== '') return null
  return isLoopbackHost(parsed.hostname) ? parsed.origin : null
}

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

// tel:/sip: links come from other apps and web pages, so every input is hostile: the parser
// accepts a small canonical subset and returns null for anything else.

const MAX_DIAL_URI_LENGTH = 256
const TEL_SEPARATORS = /[\s\-.()]/g
const TEL_NUMBER = /^\+?[0-9*#]{1,32}$/
const SIP_USER = /^[A-Za-z0-9._~+\-*#!]{1,64}$/
const SIP_HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]{2,45}\])$/
const SIP_PORT = /^[0-9]{1,5}$/

function decodeOnce(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

function parseTel(rest: string): string | null {
  // Parameters (;phone-context=, ;ext=) are dropped: the softphone dials the number only.
  const numberPart = (rest.startsWith('//') ? rest.slice(2) : rest).split(';')[0] ?? ''
  const decoded = decodeOnce(numberPart)
  if (decoded === null) return null
  const digits = decoded.replace(TEL_SEPARATORS, '')
  return TEL_NUMBER.test(digits) ? `tel:${digits}` : null
}

function parseSipHost(hostPort: string): string | null {
  const portMatch = /^(.*?)(?::([^:\]]*))?$/.exec(hostPort)
  const host = portMatch?.[1] ?? ''
  const port = portMatch?.[2]
  if (!SIP_HOST.test(host)) return null
  if (port !== undefined && (!SIP_PORT.test(port) || Number(port) < 1 || Number(port) > 65535)) {
    return null
  }
  const lowerHost = host.toLowerCase()
  return port === undefined ? lowerHost : `${lowerHost}:${port}`
}

function parseSip(scheme: 'sip' | 'sips', rest: string): string | null {
  // URI parameters and headers (;transport=, ?subject=) are dropped: they are the caller's choice.
  const address = rest.split(/[;?]/)[0] ?? ''
  const at = address.lastIndexOf('@')
  if (at <= 0) return null
  const user = decodeOnce(address.slice(0, at))
  if (user === null || !SIP_USER.test(user)) return null
  const host = parseSipHost(address.slice(at + 1))
  return host === null ? null : `${scheme}:${user}@${host}`
}

/**
 * Parses a tel:/sip:/sips: link into a canonical dial URI (`tel:+34911234567`,
 * `sip:alice@pbx.example.com`), or null when the input is not a plain dialable address.
 * Visual separators in numbers are removed; parameters and headers are dropped.
 */
export function parseDialUri(uri: string): string | null {
  const trimmed = uri.trim()
  if (trimmed.length === 0 || trimmed.length > MAX_DIAL_URI_LENGTH) return null
  // Only printable ASCII survives; anything else (controls, bidi marks, homoglyphs) is refused.
  if (!/^[\x21-\x7e]+$/.test(trimmed)) return null
  const match = /^(tel|sips?):(.*)$/i.exec(trimmed)
  const scheme = match?.[1]?.toLowerCase()
  const rest = match?.[2] ?? ''
  if (scheme === 'tel') return parseTel(rest)
  if (scheme === 'sip' || scheme === 'sips') return parseSip(scheme, rest)
  return null
}

/** The first dialable link among command-line arguments (Windows/Linux pass links this way). */
export function findDialUriInArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const parsed = parseDialUri(arg)
    if (parsed !== null) return parsed
  }
  return null
}
