export { ConfigurationPanel } from './components/ConfigurationPanel'
export { saveMonitoringPolicy } from './config-api'
