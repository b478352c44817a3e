/**
 * The `app://atiende/` protocol: serves the built renderer (`out/renderer`) read-only.
 * Resolution is a pure function so the traversal guard can be tested without Electron.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'

import type { CustomScheme, Protocol } from 'electron'

import { createLogger } from '../logger'

import { APP_HOST, APP_SCHEME } from './trusted-url'

const log = createLogger('app-protocol')

/** Registered before `ready`: a standard, secure scheme so `'self'`, fetch and media work. */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true }
}

export type AppRequestResolution =
  { kind: 'file'; path: string } | { kind: 'error'; status: 400 | 403 | 404 | 405 }

// Vite emits plain names (`index-Ab12_x.js`); anything outside this set is not ours to serve.
const SAFE_SEGMENT = /^[A-Za-z0-9_@~+-][A-Za-z0-9._@~+-]*$/
// Checked on the raw URL, before the parser gets a chance to normalise them away.
const RAW_FORBIDDEN = /\\|%5c|%2f|%2e|%00|%25|\0/i

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.webm': 'audio/webm',
  '.txt': 'text/plain; charset=utf-8'
}

/** The Content-Type for a served file; unknown extensions are opaque bytes (with nosniff). */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

function parseAppUrl(url: string): URL | 'bad' | 'foreign' {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'bad'
  }
  const isOurs =
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  return isOurs ? parsed : 'foreign'
}

function segmentsOf(pathname: string): string[] | null {
  const segments: string[] = []
  for (const raw of pathname.split('/')) {
    if (raw === '') continue
    let decoded: string
    try {
      decoded = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (!SAFE_SEGMENT.test(decoded)) return null
    segments.push(decoded)
  }
  return segments
}

/**
 * Maps an app:// request to a file under `root`, or to an HTTP error status:
 * 405 for methods other than GET/HEAD, 403 for another host, 400 for malformed or suspicious
 * paths (encoded separators or dots, backslashes, NUL, double encoding), and 404 for paths
 * that would leave `root`. `/` and extension-less paths serve `index.html` (client routing).
 */
export function resolveAppRequest(url: string, method: string, root: string): AppRequestResolution {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'error', status: 405 }
  const parsed = parseAppUrl(url)
  if (parsed === 'bad') return { kind: 'error', status: 400 }
  if (parsed === 'foreign') return { kind: 'error', status: 403 }
  if (RAW_FORBIDDEN.test(parsed.pathname) || RAW_FORBIDDEN.test(url.split(/[?#]/)[0] ?? '')) {
    return { kind: 'error', status: 400 }
  }
  const segments = segmentsOf(parsed.pathname)
  if (segments === null) return { kind: 'error', status: 400 }
  const last = segments.at(-1)
  const wanted = last === undefined || !last.includes('.') ? ['index.html'] : segments
  const absoluteRoot = resolve(root)
  const target = resolve(join(absoluteRoot, ...wanted))
  const rel = relative(absoluteRoot, target)
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    return { kind: 'error', status: 404 }
  }
  return { kind: 'file', path: target }
}

/** Headers every app:// response carries, errors included. */
export function baseHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache'
  }
}

/**
 * Answers one app:// request from `root` with the given CSP. Uses only Node and the Fetch API
 * `Response`, so it runs under `protocol.handle` and in plain Node tests alike.
 */
export async function serveAppRequest(
  request: { url: string; method: string },
  root: string,
  csp: string
): Promise<Response> {
  const resolution = resolveAppRequest(request.url, request.method, root)
  const headers = baseHeaders(csp)
  if (resolution.kind === 'error') {
    const allow = resolution.status === 405 ? { Allow: 'GET, HEAD' } : {}
    return new Response(null, { status: resolution.status, headers: { ...headers, ...allow } })
  }
  try {
    const info = await stat(resolution.path)
    if (!info.isFile()) return new Response(null, { status: 404, headers })
    const fileHeaders = {
      ...headers,
      'Content-Type': contentTypeFor(resolution.path),
      'Content-Length': String(info.size)
    }
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers: fileHeaders })
    const body = await readFile(resolution.path)
    return new Response(body, { status: 200, headers: fileHeaders })
  } catch {
    return new Response(null, { status: 404, headers })
  }
}

/** Serves `root` on app://atiende/ with `csp` on every response. Call after `ready`. */
export function registerAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  root: string,
  csp: string
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const response = await serveAppRequest(request, root, csp)
    if (response.status >= 400) {
      log.warn('refused app:// request', { status: response.status, method: request.method })
    }
    return response
  })
}
