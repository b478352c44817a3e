export type { AgentMonitoredBy, LeadMonitorSession } from './store'
