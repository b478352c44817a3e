/**
 * The admin configuration routes (`/api/admin/configuration/...`), called from the page
 * (page-request.ts: the session's token, renewed once on a 401).
 */
import { appError, errorCodes, type AppError } from '@shared/contract/errors'
import { fail, ok, type Result } from '@shared/contract/result'
import type { FloorAlerts } from '@shared/domain/configuration'
import type { MonitoringPolicy } from '@shared/monitoring/monitoring-policy'
import { errorEnvelopeSchema } from '@shared/sync/auth'
import { pageRequest, pageTransport } from '../../data/page-request'

export type ConfigKind = 'disposition-codes' | 'pause-reasons' | 'complaint-categories'

const request = pageRequest(pageTransport, '/api/admin/configuration')

async function errorOf(response: Response): Promise<AppError> {
  const envelope = errorEnvelopeSchema.safeParse(await response.json().catch(() => null))
  if (!envelope.success) return appError('internal', `HTTP ${String(response.status)}`)
  const code = errorCodes.find((c) => c === envelope.data.error.code) ?? 'internal'
  // The details of a 400 name the fields at fault, so a form can show each beside its field.
  return appError(code, envelope.data.error.message, envelope.data.error.details)
}

/** Sends to a configuration route; the pulled configuration then shows the change. */
async function send(method: 'POST' | 'PUT', path: string, body?: unknown): Promise<Result<null>> {
  const response = await request(path, method, body)
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
