/**
 * A GET to the server with the session's access token, for reports the cache does not hold
 * (analytics). An expired token is refreshed through the sync engine, which owns the refresh
 * token, and the request is made once more.
 */
import type { z } from 'zod'

import { workerError } from '../runtime/worker-error'
import type { FetchLike } from '../sync/http'

export interface AnalyticsFetchOptions {
  fetch: FetchLike
  serverUrl: string
  accessToken: () => string
  /** Lets the engine refresh the tokens (a sync pass does it on its own 401). */
  refreshTokens: () => Promise<unknown>
}

/** A GET (or a body-less POST: an action the server takes on its own data) with the token. */
export async function authorizedGet(
  options: AnalyticsFetchOptions,
  url: string,
  method: 'GET' | 'POST' = 'GET'
) {
  const get = () =>
    options.fetch(url, {
      method,
      headers: { authorization: `Bearer ${options.accessToken()}` }
    })
  const response = await get()
  if (response.status !== 401) return response
  await options.refreshTokens()
  return get()
}

/** `path` on the server with the query's defined values as parameters. */
export function serverUrl(
  base: string,
  path: string,
  query: Record<string, string | undefined> = {}
): string {
  const url = new URL(path, base)
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, value)
  }
  return url.toString()
}

/**
 * Reads `what` from the server, online only: a server that cannot be reached answers
 * `unavailable`, one that refuses `forbidden` (or `not_found`, `invalid_argument`), and an answer
 * of the wrong shape is never passed on.
 */
export async function readFromServer<T>(
  options: AnalyticsFetchOptions,
  url: string,
  schema: z.ZodType<T>,
  what: string,
  method: 'GET' | 'POST' = 'GET'
): Promise<T> {
  let response: Response
  try {
    response = await authorizedGet(options, url, method)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw workerError('unavailable', `The server could not be reached for ${what}: ${reason}`)
  }
  if (response.status === 403) throw workerError('forbidden', `You may not read ${what}`)
  if (response.status === 404) throw workerError('not_found', `The server has no ${what}`)
  if (response.status === 400) throw workerError('invalid_argument', `The server refused ${what}`)
  if (response.status === 401) throw workerError('unauthenticated', 'Sign in again')
  if (!response.ok) {
    throw workerError('unavailable', `the server answered ${String(response.status)}`)
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw workerError('internal', `${what} came back malformed`)
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw workerError('internal', `${what} came back malformed`)
  return parsed.data
}
