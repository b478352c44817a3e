/**
 * Monitoring as the page shows it, both sides of it: the lead's session (what the lead started on
 * the floor) and the agent's (who is monitoring this desk now). The monitoring controller writes
 * here; the floor's controls and the desk's indicator read it.
 */
import type { StateCreator } from 'zustand'

import type { MonitorEndReason, MonitorMode, MonitorRefusal } from '@shared/monitoring/monitoring'
import type { AppState } from '@renderer/stores/app-store'

/** The lead's session, from the click to its end (kept after the end to say why). */
export interface LeadMonitorSession {
  /** The server's session id (the grant's id), once issued. */
  sessionId: string | null
  agentId: string
  agentName: string
  /** The monitored call (the desk's call id, as on the floor). */
  callId: string
  method: 'builtin' | 'pbx'
  mode: MonitorMode
  /** The modes this lead may switch to. */
  modes: readonly MonitorMode[]
  /**
   * requesting: asking the server; connecting: calling the agent's app (or the PBX); live: audio
   * flowing; switching: a mode change on its way; ended: over (see `endReason`/`refusal`).
   */
  phase: 'requesting' | 'connecting' | 'live' | 'switching' | 'ended'
  /** When audio started (ISO), for the elapsed time. */
  liveSince: string | null
  /** The monitored call is on hold at the agent's desk. */
  callHeld: boolean
  endReason: MonitorEndReason | null
  /** Why the server or the agent's app refused, when it did. */
  refusal: MonitorRefusal | null
  /** Anything else that went wrong (network, SIP status line), as text for the lead. */
  error: string | null
}

/** Who is monitoring this desk now (the agent's side). */
export interface AgentMonitoredBy {
  sessionId: string
  leadId: string
  leadName: string
  mode: MonitorMode
  since: string
  /** Whether the agent is told: always in whisper and barge, in listen per the centre's policy. */
  shown: boolean
}

export interface MonitoringSlice {
  monitoring: {
    lead: LeadMonitorSession | null
    monitoredBy: AgentMonitoredBy | null
  }
  leadMonitorChanged: (session: LeadMonitorSession | null) => void
  monitoredByChanged: (by: AgentMonitoredBy | null) => void
}

export const createMonitoringSlice: StateCreator<AppState, [], [], MonitoringSlice> = (set) => ({
  monitoring: { lead: null, monitoredBy: null },
  leadMonitorChanged: (lead) => {
    set((s) => ({ monitoring: { ...s.monitoring, lead } }))
  },
  monitoredByChanged: (monitoredBy) => {
    set((s) => ({ monitoring: { ...s.monitoring, monitoredBy } }))
  }
})
