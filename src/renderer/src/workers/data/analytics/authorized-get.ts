/**
 * A GET to the server with the session's access token, for reports the cache does not hold
 * (analytics). An expired token is refreshed through the sync engine, which owns the refresh
 * token, and the request is made once more.
 */
import type { FetchLike } from '../sync/http'

export interface AnalyticsFetchOptions {
  fetch: FetchLike
  serverUrl: string
  accessToken: () => string
  /** Lets the engine refresh the tokens (a sync pass does it on its own 401). */
  refreshTokens: () => Promise<unknown>
}

export async function authorizedGet(options: AnalyticsFetchOptions, url: string) {
  const get = () =>
    options.fetch(url, {
      method: 'GET',
      headers: { authorization: `Bearer ${options.accessToken()}` }
    })
  const response = await get()
  if (response.status !== 401) return response
  await options.refreshTokens()
  return get()
}
