export type { AgentMonitoredBy, LeadMonitorSession } from './store'
export {
  MonitoringProvider,
  useMonitoringActions,
  type MonitoringActions,
  type MonitorTarget
} from './monitoring-context'
