/**
 * Main-process configuration from the environment. Kept deliberately small: the central server
 * URL and the SIP WebSocket servers the CSP must allow.
 */
import { isLoopbackHost } from './security/trusted-url'

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787'

export interface MainConfig {
  /** Central server base URL without a trailing slash, query or fragment. */
  serverUrl: string
  /** SIP-over-WebSocket server URLs (wss:, or ws: on loopback only). */
  sipServers: string[]
  /** Human-readable warnings about the configuration, to be logged at startup. */
  warnings: string[]
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

function parseServerUrl(raw: string, warnings: string[]): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`ATIENDE_SERVER_URL is not a URL: ${JSON.stringify(raw)}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('ATIENDE_SERVER_URL must be http: or https:')
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError('ATIENDE_SERVER_URL must not contain credentials')
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    warnings.push(`central server ${url.origin} is plain http: use https outside development`)
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

function parseSipServers(raw: string, warnings: string[]): string[] {
  const servers: string[] = []
  for (const entry of raw.split(',').map((s) => s.trim())) {
    if (entry === '') continue
    let url: URL | null = null
    try {
      url = new URL(entry)
    } catch {
      url = null
    }
    const isAllowed =
      url !== null &&
      (url.protocol === 'wss:' || (url.protocol === 'ws:' && isLoopbackHost(url.hostname)))
    if (url === null || !isAllowed) {
      warnings.push(`ignored SIP server ${JSON.stringify(entry)}: must be wss: (ws: on loopback)`)
    } else {
      servers.push(url.href)
    }
  }
  return servers
}

/**
 * Reads `ATIENDE_SERVER_URL` (default {@link DEFAULT_SERVER_URL}) and `ATIENDE_SIP_SERVERS`
 * (comma-separated). Throws {@link ConfigError} for a server URL that cannot be used at all.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): MainConfig {
  const warnings: string[] = []
  const rawServer = env['ATIENDE_SERVER_URL']?.trim() ?? ''
  const serverUrl = parseServerUrl(rawServer === '' ? DEFAULT_SERVER_URL : rawServer, warnings)
  const sipServers = parseSipServers(env['ATIENDE_SIP_SERVERS'] ?? '', warnings)
  return { serverUrl, sipServers, warnings }
}

/**
 * The renderer's start URL; it learns the server from the query (kept simple on purpose).
 * `base` is the electron-vite dev server in development.
 */
export function appEntryUrl(serverUrl: string, base = 'app://atiende/index.html'): string {
  const url = new URL(base)
  url.searchParams.set('server', serverUrl)
  return url.href
}
