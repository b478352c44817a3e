/**
 * The complaint analysis for leads and admins, read from the server (it counts over every
 * complaint of the scope, which no client caches). Tokens as for script analytics.
 */
import {
  complaintAnalysisReportSchema,
  type ComplaintAnalysisReport
} from '@shared/domain/complaint-analysis'
import { authorizedGet, type AnalyticsFetchOptions } from './authorized-get'
import { workerError } from '../runtime/worker-error'

export interface ComplaintAnalysisRequest {
  /** First day of the period (YYYY-MM-DD, UTC). */
  from: string
  /** Day after the last one (exclusive). */
  to: string
  teamId: string | null
}

function urlOf(serverUrl: string, q: ComplaintAnalysisRequest): string {
  const url = new URL('/api/complaints/analysis', serverUrl)
  url.searchParams.set('from', q.from)
  url.searchParams.set('to', q.to)
  if (q.teamId !== null) url.searchParams.set('team', q.teamId)
  return url.toString()
}

/** The report, or throws a WorkerError whose message the page shows as is. */
export async function fetchComplaintAnalysis(
  options: AnalyticsFetchOptions,
  query: ComplaintAnalysisRequest
): Promise<ComplaintAnalysisReport> {
  const response = await authorizedGet(options, urlOf(options.serverUrl, query))
  if (response.status === 403) {
    throw workerError('forbidden', 'The complaint analysis is not available to you')
  }
  if (response.status === 400) {
    throw workerError('invalid_argument', 'The period must end after it starts')
  }
  if (!response.ok) {
    throw workerError('unavailable', `the server answered ${String(response.status)}`)
  }
  const parsed = complaintAnalysisReportSchema.safeParse(await response.json())
  if (!parsed.success) throw workerError('internal', 'the analysis report is malformed')
  return parsed.data
}
