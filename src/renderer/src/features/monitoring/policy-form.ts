/**
 * The policy editor's checks, as pure functions: the shared schema's issues (or a 400's details
 * from the server, which uses the same schema) turned into one message per field, keyed by the
 * field's path ("pbx.dial.listen"), so each shows beside its own input.
 */
import type { TFunction } from 'i18next'

import { monitoringPolicySchema, type MonitoringPolicy } from '@shared/monitoring/monitoring-policy'

export type FieldErrors = Readonly<Record<string, string>>

/** The message for a field at `path`, by what kind of field it is. */
function messageFor(path: string, t: TFunction): string {
  if (path.startsWith('pbx.dial.')) return t('monitoring.policy.errors.dial')
  if (path.startsWith('pbx.switchKeys.')) return t('monitoring.policy.errors.switchKey')
  return t('monitoring.policy.errors.invalid')
}

/** What is wrong with the draft, per field (empty: it can be saved). */
export function checkPolicy(policy: MonitoringPolicy, t: TFunction): FieldErrors {
  const parsed = monitoringPolicySchema.safeParse(policy)
  if (parsed.success) return {}
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.')
    errors[path] ??= messageFor(path, t)
  }
  return errors
}

/**
 * The fields a server's 400 named: `details` is a list of `{ path: '/pbx/dial/listen', … }`
 * (JSON pointers); anything else names no field.
 */
export function serverFieldErrors(details: unknown, t: TFunction): FieldErrors {
  if (!Array.isArray(details)) return {}
  const errors: Record<string, string> = {}
  for (const item of details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue
    const pointer = (item as { path?: unknown }).path
    if (typeof pointer !== 'string' || pointer === '') continue
    const path = pointer.replace(/^\//, '').split('/').join('.')
    errors[path] ??= messageFor(path, t)
  }
  return errors
}
