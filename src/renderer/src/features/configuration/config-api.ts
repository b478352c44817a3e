/**
 * The admin configuration routes (`/api/admin/configuration/...`), called from the page with the
 * session's access token. An expired token is renewed by a sync pass of the data worker (which
 * refreshes it and announces the new one), then the request is made once more.
 */
import { appError, errorCodes, type AppError } from '@shared/contract/errors'
import { fail, ok, type Result } from '@shared/contract/result'
import type { FloorAlerts } from '@shared/domain/configuration'
import type { MonitoringPolicy } from '@shared/monitoring/monitoring-policy'
import { errorEnvelopeSchema } from '@shared/sync/auth'
import { currentAccessToken } from '../../data/access-token'
import { dataClient } from '../../data/data-client'
import { serverUrl } from '../../data/server-url'

export type ConfigKind = 'disposition-codes' | 'pause-reasons' | 'complaint-categories'

type Method = 'POST' | 'PUT'

async function request(method: Method, path: string, body: unknown): Promise<Response | null> {
  try {
    return await fetch(`${serverUrl()}/api/admin/configuration${path}`, {
      method,
      headers: {
        authorization: `Bearer ${currentAccessToken()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
  } catch {
    return null
  }
}

async function errorOf(response: Response): Promise<AppError> {
  const envelope = errorEnvelopeSchema.safeParse(await response.json().catch(() => null))
  if (!envelope.success) return appError('internal', `HTTP ${String(response.status)}`)
  const code = errorCodes.find((c) => c === envelope.data.error.code) ?? 'internal'
  // The details of a 400 name the fields at fault, so a form can show each beside its field.
  return appError(code, envelope.data.error.message, envelope.data.error.details)
}

/** Sends to a configuration route; the pulled configuration then shows the change. */
async function send(method: Method, path: string, body?: unknown): Promise<Result<null>> {
  let response = await request(method, path, body)
  if (response?.status === 401) {
    await dataClient()?.send('sync:now', {})
    response = await request(method, path, body)
  }
  if (response === null) return fail(appError('unavailable', 'server unreachable'))
  return response.ok ? ok(null) : fail(await errorOf(response))
}

export function addEntry(
  kind: ConfigKind,
  entry: { code: string; label: { es: string; en: string } }
): Promise<Result<null>> {
  return send('POST', `/${kind}`, entry)
}

export function setRetired(
  kind: ConfigKind,
  code: string,
  retired: boolean
): Promise<Result<null>> {
  return send('POST', `/${kind}/${encodeURIComponent(code)}/${retired ? 'retire' : 'restore'}`)
}

/** Replaces the floor's alert thresholds (every lead's floor pulls them). */
export function saveFloorAlerts(alerts: FloorAlerts): Promise<Result<null>> {
  return send('PUT', '/floor-alerts', alerts)
}

/** Replaces the centre's monitoring policy (every desk pulls it as `monitoring_policy`). */
export function saveMonitoringPolicy(policy: MonitoringPolicy): Promise<Result<null>> {
  return send('PUT', '/monitoring', policy)
}
