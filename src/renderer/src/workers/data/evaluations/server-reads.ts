/**
 * What the evaluator reads beside the form (the call's record, customer, script run,
 * complaints and disposition) and the figures: counted by the server over rows no desk caches,
 * so read from it, online only (see `readFromServer`).
 */
import {
  callContextSchema,
  evaluationFiguresSchema,
  type CallContext,
  type CallContextQuery,
  type EvaluationFigures,
  type FiguresQuery
} from '@shared/evaluations/evaluation-api'

import {
  readFromServer as read,
  serverUrl as urlOf,
  type AnalyticsFetchOptions
} from '../analytics/authorized-get'

/** The server's routes; their query parameters are the shared query schemas' fields. */
export const CALL_CONTEXT_PATH = '/api/evaluations/call-context'
export const FIGURES_PATH = '/api/evaluations/figures'

export function fetchCallContext(
  options: AnalyticsFetchOptions,
  query: CallContextQuery
): Promise<CallContext> {
  const url = urlOf(options.serverUrl, CALL_CONTEXT_PATH, {
    agentId: query.agentId,
    callId: query.callId,
    language: query.language
  })
  return read(options, url, callContextSchema, 'the call’s record')
}

export function fetchFigures(
  options: AnalyticsFetchOptions,
  query: FiguresQuery
): Promise<EvaluationFigures> {
  const url = urlOf(options.serverUrl, FIGURES_PATH, {
    from: query.from,
    to: query.to,
    teamId: query.teamId,
    kind: query.kind
  })
  return read(options, url, evaluationFiguresSchema, 'the evaluation figures')
}
