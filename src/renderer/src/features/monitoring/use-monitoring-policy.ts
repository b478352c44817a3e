import type { ConfigurationSnapshot, SyncEntity } from '@shared/contract/worker'
import { monitoringPolicySchema, type MonitoringPolicy } from '@shared/monitoring/monitoring-policy'
import { useConfiguration } from '@renderer/data/use-configuration'

// Until the server's synced setting lands in the read model's types, read it by name and check it
// with the policy's schema (a policy that does not parse counts as none: the defaults stand).
const ENTITY = 'monitoring_policy' as unknown as SyncEntity

// Module-level: useConfiguration reads again whenever its selector changes.
const policyOf = (c: ConfigurationSnapshot): (MonitoringPolicy | null)[] => {
  const value: unknown = (c as unknown as Record<string, unknown>)['monitoringPolicy']
  const parsed = monitoringPolicySchema.safeParse(value)
  return [parsed.success ? parsed.data : null]
}

/** The centre's monitoring policy as pulled; null until an admin saved one (defaults apply). */
export function useMonitoringPolicy(): MonitoringPolicy | null {
  const [policy] = useConfiguration(ENTITY, policyOf)
  return policy ?? null
}
