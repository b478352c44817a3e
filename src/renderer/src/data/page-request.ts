/**
 * The page's own calls to the server's REST routes: the admin's and the trainer's views, whose
 * acts are online only (publishing, cohorts, progress), never records a desk could queue. Each is
 * JSON with the session's access token; an expired token (401) is renewed by a sync pass of the
 * data worker, which refreshes it and announces the new one, and the call is made once more.
 */
import { errorEnvelopeSchema } from '@shared/sync/auth'

import { currentAccessToken } from './access-token'
import { dataClient } from './data-client'
import { serverUrl } from './server-url'

export interface PageTransport {
  baseUrl: () => string
  token: () => string
  /** Renews the session's token (a sync pass) after a 401. */
  renew: () => Promise<void>
  fetch: typeof fetch
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** One call under a route prefix; null when the server could not be reached. */
export type PageRequest = (
  path: string,
  method: HttpMethod,
  body?: unknown
) => Promise<Response | null>

export function pageRequest(transport: PageTransport, prefix: string): PageRequest {
  return async (path, method, body) => {
    const send = () =>
      transport
        .fetch(`${transport.baseUrl()}${prefix}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${transport.token()}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' })
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) })
        })
        .catch(() => null)
    let response = await send()
    if (response?.status === 401) {
      await transport.renew()
      response = await send()
    }
    return response
  }
}

/** This window's server, the session's token, a sync pass to renew it. */
export const pageTransport: PageTransport = {
  baseUrl: serverUrl,
  token: currentAccessToken,
  renew: async () => {
    await dataClient()?.send('sync:now', {})
  },
  fetch: (input, init) => fetch(input, init)
}

/**
 * The server's words for a refusal, from a body already read: the error envelope's message, or
 * a top-level `message` (a validator's answer); else the HTTP status.
 */
export function refusalMessage(status: number, body: unknown): string {
  const envelope = errorEnvelopeSchema.safeParse(body)
  if (envelope.success) return envelope.data.error.message
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
    return body.message
  }
  return `HTTP ${String(status)}`
}
