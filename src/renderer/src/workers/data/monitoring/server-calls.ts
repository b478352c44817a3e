/**
 * Monitoring requests to the server with the session's access token. An expired token is
 * refreshed through the sync engine (which owns the refresh token) and the request made once
 * more. Every reply is parsed with the API's schemas (monitoring-api.ts); a refusal comes back as
 * its reason, anything else that is not the expected reply as `unreachable`.
 */
import type { z } from 'zod'

import type { MonitorRefusal } from '@shared/monitoring/monitoring'
import { monitorRefusedReplySchema } from '@shared/monitoring/monitoring-api'

import type { ServerAccess } from '../session/session'

/** A monitoring call must answer while a SIP INVITE waits: no longer than this. */
export const MONITORING_FETCH_TIMEOUT_MS = 5000

export type ServerAnswer<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'refused'; reason: MonitorRefusal }
  | { kind: 'unreachable'; message: string }

export interface MonitoringCall<T> {
  method: 'GET' | 'POST'
  path: string
  body?: unknown
  /** The success status and the schema of its reply (null: no body, e.g. 204). */
  status: number
  reply: z.ZodType<T> | null
}

async function send(server: ServerAccess, call: MonitoringCall<unknown>): Promise<Response> {
  const once = () =>
    server.fetch(new URL(call.path, server.serverUrl).toString(), {
      method: call.method,
      headers: {
        authorization: `Bearer ${server.accessToken()}`,
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' })
      },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      signal: AbortSignal.timeout(MONITORING_FETCH_TIMEOUT_MS)
    })
  const response = await once()
  if (response.status !== 401) return response
  await server.refreshTokens()
  return once()
}

async function json(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

/** Makes one monitoring call; never throws. */
export async function monitoringCall<T>(
  server: ServerAccess,
  call: MonitoringCall<T>
): Promise<ServerAnswer<T>> {
  let response: Response
  try {
    response = await send(server, call)
  } catch (error) {
    return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) }
  }
  if (response.status === call.status) {
    if (call.reply === null) return { kind: 'ok', data: undefined as T }
    const parsed = call.reply.safeParse(await json(response))
    if (parsed.success) return { kind: 'ok', data: parsed.data }
    return { kind: 'unreachable', message: 'the server answered a malformed reply' }
  }
  if (response.status === 403 || response.status === 409) {
    const refused = monitorRefusedReplySchema.safeParse(await json(response))
    if (refused.success) return { kind: 'refused', reason: refused.data.reason }
    // A plain 403 (an admin-only route): the caller may not, whatever the route.
    if (response.status === 403) return { kind: 'refused', reason: 'not_permitted' }
  }
  return { kind: 'unreachable', message: `the server answered ${String(response.status)}` }
}
