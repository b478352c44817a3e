import type { ConfigurationSnapshot } from '@shared/contract/worker'
import type { MonitoringPolicy } from '@shared/monitoring/monitoring-policy'
import { useConfiguration } from '@renderer/data/use-configuration'

// Module-level: useConfiguration reads again whenever its selector changes.
const policyOf = (c: ConfigurationSnapshot): (MonitoringPolicy | null)[] => [c.monitoringPolicy]

/** The centre's monitoring policy as pulled; null until an admin saved one (defaults apply). */
export function useMonitoringPolicy(): MonitoringPolicy | null {
  const [policy] = useConfiguration('monitoring_policy', policyOf)
  return policy ?? null
}
