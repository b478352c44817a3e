/**
 * Script analytics for leads and trainers, read from the server (runs are not cached locally).
 * An expired access token is refreshed through the sync engine, which owns the refresh token.
 */
import {
  scriptAnalyticsReportSchema,
  type ScriptAnalyticsReport
} from '@shared/scripts/run-analytics'
import { authorizedGet, type AnalyticsFetchOptions } from './authorized-get'
import { workerError } from '../runtime/worker-error'

export interface ScriptAnalyticsQuery {
  scriptId: string
  version: number
  practice: boolean
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
  const response = await authorizedGet(options, urlOf(options.serverUrl, query))
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
