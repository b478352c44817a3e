/** Sends route fuzz cases as an admin and without a token; nothing may get a 5xx. */
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol'
import type { ZodApp } from '@server/http/route-context'
import type { RouteCase, RouteRequest } from './route-cases'

export interface RouteFailure {
  label: string
  caller: string
  input: string
  status: number
  body: string
}

export interface Answer {
  status: number
  body: string
}

/** One request, with the protocol header and, when given, the bearer token. */
export async function sendRequest(
  app: ZodApp,
  request: RouteRequest,
  token: string | null
): Promise<Answer> {
  const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }
  if (token !== null) headers['authorization'] = `Bearer ${token}`
  if (request.body) headers['content-type'] = request.body.contentType
  const response = await app.inject({
    method: request.method,
    url: request.url,
    headers,
    ...(request.body ? { payload: request.body.payload } : {})
  })
  return { status: response.statusCode, body: response.body }
}

function short(body: string): string {
  return body.length > 300 ? `${body.slice(0, 300)}…` : body
}

/** Runs the cases for each caller; returns every 5xx (or wrong expected status). */
export async function runRouteCases(
  app: ZodApp,
  cases: RouteCase[],
  callers: Record<string, string | null>
): Promise<{ failures: RouteFailure[]; requests: number; statuses: Record<number, number> }> {
  const failures: RouteFailure[] = []
  const statuses: Record<number, number> = {}
  let requests = 0
  for (const kase of cases) {
    for (const [caller, token] of Object.entries(callers)) {
      requests++
      let answer: Answer
      try {
        answer = await sendRequest(app, kase.request, token)
      } catch (error) {
        answer = { status: 0, body: `the request threw: ${String(error)}` }
      }
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
      const allowed = answer.status !== 401 && answer.status !== 403
      const wrong =
        answer.status === 0 ||
        answer.status >= 500 ||
        (allowed &&
          kase.expectWhenAllowed !== undefined &&
          answer.status !== kase.expectWhenAllowed)
      if (wrong) {
        failures.push({
          label: kase.label,
          caller,
          input: kase.input,
          status: answer.status,
          body: short(answer.body)
        })
      }
    }
  }
  return { failures, requests, statuses }
}
