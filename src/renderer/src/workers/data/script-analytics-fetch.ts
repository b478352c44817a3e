/**
 * Script analytics for leads and trainers, read from the server (runs are not cached locally).
 * An expired access token is refreshed through the sync engine, which owns the refresh token.
 */
import {
  scriptAnalyticsReportSchema,
  type ScriptAnalyticsReport
} from '../../../../shared/scripts/run-analytics'
import type { FetchLike } from './sync-http'
import { workerError } from './worker-error'

export interface ScriptAnalyticsQuery {
  scriptId: string
  version: number
  practice: boolean
}

export interface AnalyticsFetchOptions {
  fetch: FetchLike
  serverUrl: string
  accessToken: () => string
  /** Lets the engine refresh the tokens (a sync pass does it on its own 401). */
  refreshTokens: () => Promise<unknown>
}

function urlOf(serverUrl: string, q: ScriptAnalyticsQuery): string {
  const path = `/api/scripts/${encodeURIComponent(q.scriptId)}/versions/${String(q.version)}/analytics`
  const url = new URL(path, serverUrl)
  url.searchParams.set('practice', String(q.practice))
  return url.toString()
}

/** The report, or throws a WorkerError whose message the page shows as is. */
export async function fetchScriptAnalytics(
  options: AnalyticsFetchOptions,
  query: ScriptAnalyticsQuery
): Promise<ScriptAnalyticsReport> {
  const get = () =>
    options.fetch(urlOf(options.serverUrl, query), {
      method: 'GET',
      headers: { authorization: `Bearer ${options.accessToken()}` }
    })
  let response = await get()
  if (response.status === 401) {
    await options.refreshTokens()
    response = await get()
  }
  if (response.status === 403) {
    throw workerError('forbidden', 'Script analytics are not available to you')
  }
  if (!response.ok) {
    throw workerError('unavailable', `the server answered ${String(response.status)}`)
  }
  const parsed = scriptAnalyticsReportSchema.safeParse(await response.json())
  if (!parsed.success) {
    throw workerError('internal', 'the analytics report is malformed')
  }
  return parsed.data
}
