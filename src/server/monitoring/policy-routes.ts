/**
 * The monitoring policy (monitoring-policy.ts): one value in `settings`, replaced whole by an
 * admin, audited and published to every desk as `monitoring_policy`, like the floor's alert
 * thresholds. Until an admin saves one, the default stands on the server and on the desks.
 */
import {
  DEFAULT_MONITORING_POLICY,
  monitoringPolicySchema,
  type MonitoringPolicy
} from '@shared/monitoring/monitoring-policy'
import type { Queryable } from '../db/db'
import {
  CONFIGURATION_PATH,
  commitConfigChange,
  type ConfigRoutes
} from '../configuration/config-change'
import { readSetting, writeSetting } from '../configuration/settings-row'

const KEY = 'monitoring_policy'

/** The policy as configured, or the default when none was ever saved. */
export function readMonitoringPolicy(tx: Queryable): Promise<MonitoringPolicy> {
  return readSetting(tx, KEY, monitoringPolicySchema, DEFAULT_MONITORING_POLICY)
}

export function registerMonitoringPolicyRoutes({ app, ctx, guard }: ConfigRoutes): void {
  app.put(
    `${CONFIGURATION_PATH}/monitoring`,
    {
      onRequest: guard,
      schema: {
        tags: ['configuration'],
        description:
          'Replaces the monitoring policy: the method (built in, or the PBX with its dial ' +
          'strings and DTMF switch keys), the modes team leads and admins may use, and whether ' +
          'an agent is told when only listened to.',
        body: monitoringPolicySchema,
        response: { 200: monitoringPolicySchema }
      }
    },
    (request) =>
      commitConfigChange(ctx, request, async (tx) => {
        // Two admins saving at once take turns, so the audit's "before" is what each replaced.
        await tx.query('LOCK TABLE settings IN EXCLUSIVE MODE')
        const before = await readMonitoringPolicy(tx)
        await writeSetting(tx, KEY, request.body)
        const after = await readMonitoringPolicy(tx)
        return {
          result: after,
          action: 'configuration.updated',
          target: KEY,
          before,
          publish: { entity: 'monitoring_policy', key: 'default', data: after }
        }
      })
  )
}
