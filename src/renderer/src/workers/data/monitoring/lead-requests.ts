/**
 * A lead's (and an admin's) monitoring requests to the server: start, switch mode, end, and the
 * admins' log. A refusal comes back as its reason; a server that cannot answer as `unreachable`.
 */
import { z } from 'zod'

import type { MonitorOutcome } from '@shared/contract/worker'
import type { MonitorEndReason, MonitorMode } from '@shared/monitoring/monitoring'
import {
  monitorStartReplySchema,
  monitoringSessionViewSchema,
  type MonitorStartBody,
  type MonitorStartReply,
  type MonitoringSessionView
} from '@shared/monitoring/monitoring-api'

import { createLogger } from '../runtime/logger'
import { workerError } from '../runtime/worker-error'
import type { ServerAccess } from '../session/session'
import { monitoringCall, type ServerAnswer } from './server-calls'

const log = createLogger('monitoring')

function outcome<T, R extends object>(
  answer: ServerAnswer<T>,
  ok: (data: T) => R
): MonitorOutcome<R> {
  if (answer.kind === 'ok') return { ok: true, ...ok(answer.data) }
  if (answer.kind === 'refused') return { ok: false, reason: answer.reason }
  return { ok: false, reason: 'unreachable', message: answer.message }
}

export async function startMonitoring(
  server: ServerAccess,
  body: MonitorStartBody
): Promise<MonitorOutcome<{ start: MonitorStartReply }>> {
  const answer = await monitoringCall(server, {
    method: 'POST',
    path: '/api/monitoring/grants',
    body,
    status: 201,
    reply: monitorStartReplySchema
  })
  return outcome(answer, (start) => ({ start }))
}

export async function switchMonitoringMode(
  server: ServerAccess,
  sessionId: string,
  mode: MonitorMode
): Promise<MonitorOutcome<object>> {
  const answer = await monitoringCall(server, {
    method: 'POST',
    path: `/api/monitoring/sessions/${sessionId}/mode`,
    body: { mode },
    status: 200,
    reply: z.object({})
  })
  return outcome(answer, () => ({}))
}

/** Ends a session with the server; the call is over either way, so this never fails. */
export async function endMonitoring(
  server: ServerAccess,
  sessionId: string,
  reason: MonitorEndReason
): Promise<{ ended: true }> {
  const answer = await monitoringCall(server, {
    method: 'POST',
    path: `/api/monitoring/sessions/${sessionId}/end`,
    body: { reason },
    status: 200,
    reply: z.object({ ended: z.literal(true) })
  })
  // The server's log then misses only the end's time and reason.
  if (answer.kind !== 'ok') log.warn('monitoring end not recorded', answer)
  return { ended: true }
}

/** Admins: the latest sessions with their events; throws a WorkerError the page shows. */
export async function listMonitoringSessions(
  server: ServerAccess,
  limit: number
): Promise<{ sessions: MonitoringSessionView[] }> {
  const answer = await monitoringCall(server, {
    method: 'GET',
    path: `/api/admin/monitoring/sessions?limit=${String(limit)}`,
    status: 200,
    reply: z.object({ sessions: z.array(monitoringSessionViewSchema) })
  })
  if (answer.kind === 'ok') return answer.data
  if (answer.kind === 'refused') throw workerError('forbidden', 'Only admins read this log')
  throw workerError('unavailable', answer.message)
}
