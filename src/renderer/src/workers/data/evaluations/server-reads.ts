/**
 * What the evaluator reads beside the form (the call's record, customer, script run,
 * complaints and disposition) and the figures: counted by the server over rows no desk caches,
 * so read from it, online only. A server that cannot be reached answers `unavailable`, one that
 * refuses `forbidden`, and an answer of the wrong shape is never passed on.
 */
import type { z } from 'zod'

import {
  callContextSchema,
  evaluationFiguresSchema,
  type CallContext,
  type CallContextQuery,
  type EvaluationFigures,
  type FiguresQuery
} from '@shared/evaluations/evaluation-api'

import { authorizedGet, type AnalyticsFetchOptions } from '../analytics/authorized-get'
import { workerError } from '../runtime/worker-error'

/** The server's routes; their query parameters are the shared query schemas' fields. */
export const CALL_CONTEXT_PATH = '/api/evaluations/call-context'
export const FIGURES_PATH = '/api/evaluations/figures'

function urlOf(serverUrl: string, path: string, query: Record<string, string | undefined>) {
  const url = new URL(path, serverUrl)
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, value)
  }
  return url.toString()
}

async function read<T>(
  options: AnalyticsFetchOptions,
  url: string,
  schema: z.ZodType<T>,
  what: string
): Promise<T> {
  let response: Response
  try {
    response = await authorizedGet(options, url)
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
