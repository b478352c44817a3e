/**
 * The Content-Security-Policy sent with every app:// response. The renderer may talk only to
 * its own origin, the configured central server and the configured SIP WebSocket servers.
 */

export interface CspOptions {
  /** Central server base URL (http: or https:). */
  serverUrl: string
  /** SIP-over-WebSocket servers (ws: or wss:). */
  sipServers: readonly string[]
}

/** The WebSocket origin that pairs with an HTTP origin (realtime pokes use the same server). */
function websocketVariant(origin: URL): string {
  const protocol = origin.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${origin.host}`
}

/** Parses a URL and returns its serialized origin when the protocol is allowed, else null. */
function originOf(raw: string, protocols: readonly string[]): URL | null {
  try {
    const url = new URL(raw)
    // `URL.origin` is ASCII-serialised (punycode, no path/query), so it can't smuggle CSP syntax.
    return protocols.includes(url.protocol) && url.host !== '' ? new URL(url.origin) : null
  } catch {
    return null
  }
}

/** The `connect-src` sources: 'self', the server (http+ws or https+wss) and SIP servers. */
export function connectSources(options: CspOptions): string[] {
  const sources = new Set<string>(["'self'"])
  const server = originOf(options.serverUrl, ['http:', 'https:'])
  if (server !== null) {
    sources.add(server.origin)
    sources.add(websocketVariant(server))
  }
  for (const sip of options.sipServers) {
    const origin = originOf(sip, ['ws:', 'wss:'])
    if (origin !== null) sources.add(`${origin.protocol}//${origin.host}`)
  }
  return [...sources]
}

/**
 * Builds the CSP header value. `'wasm-unsafe-eval'` is there because sql.js compiles
 * WebAssembly; `blob:` workers and media are used by the data worker and the softphone.
 */
export function buildCsp(options: CspOptions): string {
  const directives: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['worker-src', ["'self'", 'blob:']],
    ['connect-src', connectSources(options)],
    ['media-src', ["'self'", 'blob:']],
    ['img-src', ["'self'", 'data:']],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]]
  ]
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ')
}
