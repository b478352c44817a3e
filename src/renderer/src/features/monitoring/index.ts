export type { AgentMonitoredBy, LeadMonitorSession } from './store'
export {
  MonitoringProvider,
  useMonitoringActions,
  type MonitoringActions,
  type MonitorTarget
} from './monitoring-context'
export { MonitorController } from './monitor-controller'
export type { CallMonitoredBy } from './agent-monitoring'
export { syncedMonitoringPolicy, workerMonitoringServer } from './monitoring-server'
