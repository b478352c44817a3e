/**
 * Monitoring for one signed-in user, both sides: the lead's sessions (the floor's controls call
 * it through {@link MonitoringActions}) and this desk being monitored (the SIP line hands it the
 * lead's INVITEs). The app creates one (compose-app.ts); a test creates its own with fakes.
 */
import type { Invitation } from 'sip.js'

import type { MonitorMode } from '@shared/monitoring/monitoring'
import type { MonitoringPolicy } from '@shared/monitoring/monitoring-policy'
import { SipMonitorInvite } from '@renderer/telephony/monitoring/agent-monitor-leg'
import type { LeadPhone } from '@renderer/telephony/monitoring/lead-monitor-call'
import { AgentMonitoring, type MonitoringStore } from './agent-monitoring'
import { LeadMonitoring } from './lead-monitoring'
import type { MonitoringActions, MonitorTarget } from './monitoring-context'
import type { MonitoringServer } from './monitoring-server'

export interface MonitorControllerOptions {
  store: MonitoringStore
  server: MonitoringServer
  policy: () => Promise<MonitoringPolicy>
}

export class MonitorController implements MonitoringActions {
  readonly agent: AgentMonitoring
  readonly lead: LeadMonitoring
  #phone: () => LeadPhone | null = () => null

  constructor(options: MonitorControllerOptions) {
    this.agent = new AgentMonitoring(options)
    this.lead = new LeadMonitoring({
      store: options.store,
      server: options.server,
      phone: () => this.#phone()
    })
  }

  /** Where the lead's monitoring calls are placed from (the SIP line, once it exists). */
  usePhone(phone: () => LeadPhone | null): void {
    this.#phone = phone
  }

  /** A monitoring INVITE the SIP user agent set aside (never a phone line). */
  monitorInvite(invitation: Invitation): void {
    void this.agent.invite(new SipMonitorInvite(invitation))
  }

  start(target: MonitorTarget, mode: MonitorMode): Promise<void> {
    return this.lead.start(target, mode)
  }

  switchMode(mode: MonitorMode): Promise<void> {
    return this.lead.switchMode(mode)
  }

  stop(): Promise<void> {
    return this.lead.stop()
  }

  dismiss(): void {
    this.lead.dismiss()
  }

  /** Sign-out: the agent's monitoring ends (`agent_left`), the lead's session stops. */
  async signOut(): Promise<void> {
    await Promise.all([this.agent.agentLeft(), this.lead.stop()])
  }
}
