/**
 * The browser edition: the built renderer served at `/`, with a single-page fallback to
 * index.html and a CSP that allows what the app needs (WASM for sql.js, blob workers) and no more.
 */
import { existsSync } from 'node:fs'

import fastifyStatic from '@fastify/static'
import type { FastifyReply, FastifyRequest } from 'fastify'

import type { ZodApp } from './route-context'

export interface StaticSiteOptions {
  staticDir: string | undefined
  /** Extra connect-src sources, e.g. the SIP proxy's wss:// URL. */
  connectSrc: readonly string[]
}

/** The CSP for pages served to `host`. */
export function contentSecurityPolicy(host: string | undefined, extra: readonly string[]): string {
  const sameHostSockets = host ? [`ws://${host}`, `wss://${host}`] : []
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    `connect-src ${["'self'", ...sameHostSockets, ...extra].join(' ')}`,
    "worker-src 'self' blob:",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'"
  ].join('; ')
}

/** True for requests the single-page app should answer with index.html. */
export function isAppNavigation(request: FastifyRequest): boolean {
  return request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/api'
}

/**
 * Serves `staticDir` when it exists; otherwise `/` explains how to build it. Returns the
 * not-found fallback for app navigations, or null when there is no site.
 */
export async function registerStaticSite(
  app: ZodApp,
  options: StaticSiteOptions
): Promise<((request: FastifyRequest, reply: FastifyReply) => FastifyReply) | null> {
  const dir = options.staticDir
  if (!dir || !existsSync(dir)) {
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(
          'Atiende server is running. The browser edition is not built: run `npm run build:app`.\n'
        )
    )
    return null
  }
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/')) {
      reply.header(
        'content-security-policy',
        contentSecurityPolicy(request.headers.host, options.connectSrc)
      )
    }
  })
  await app.register(fastifyStatic, { root: dir, prefix: '/' })
  return (_request, reply) => reply.sendFile('index.html')
}
