export type { AgentMonitoredBy, LeadMonitorSession } from './store'
export {
  MonitoringProvider,
  useMonitoringActions,
  type MonitoringActions,
  type MonitorTarget
} from './monitoring-context'
export { MonitorController } from './monitor-controller'
export { syncedMonitoringPolicy, workerMonitoringServer } from './monitoring-server'
export { MonitorControls, MonitorControlsView } from './components/MonitorControls'
export { useStopMonitoringShortcut } from './hooks/use-stop-shortcut'
export { MonitoredIndicator, MonitoredIndicatorView } from './components/MonitoredIndicator'
export { MonitoringRowMark } from './components/MonitoringRowMark'
export { CallMonitoredBy } from './components/CallMonitoredBy'
export { MonitoringPolicyEditor, MonitoringPolicyForm } from './components/MonitoringPolicyEditor'
export { MonitoringSessionsLog, MonitoringSessionsTable } from './components/MonitoringSessionsLog'
export { MonitoringAdminPanel } from './components/MonitoringAdminPanel'
export { useMonitoringPolicy } from './use-monitoring-policy'
