/**
 * What the lead's screens can do about monitoring, handed to components through React context
 * (one per app; a test provides its own). The state it produces is in the `monitoring` slice.
 */
import { createContext, useContext } from 'react'

import type { MonitorMode } from '@shared/monitoring/monitoring'

export interface MonitorTarget {
  agentId: string
  agentName: string
  /** The call the lead saw on the floor (its id there). */
  callId: string
}

export interface MonitoringActions {
  /** Starts monitoring `target` in `mode`; ends any session this lead has first. */
  start(target: MonitorTarget, mode: MonitorMode): Promise<void>
  /** Switches the live session's mode without re-dialling. */
  switchMode(mode: MonitorMode): Promise<void>
  /** Stops the live session; the agent's call stays up. */
  stop(): Promise<void>
  /** Forgets an ended session (the lead dismissed why it ended). */
  dismiss(): void
}

const MonitoringContext = createContext<MonitoringActions | null>(null)

export const MonitoringProvider = MonitoringContext.Provider

export function useMonitoringActions(): MonitoringActions {
  const actions = useContext(MonitoringContext)
  if (!actions) throw new Error('useMonitoringActions() outside a MonitoringProvider')
  return actions
}

/**
 * The actions, or null where no provider is mounted (an app without a phone): the team's screens
 * then leave monitoring out rather than fail.
 */
export function useOptionalMonitoringActions(): MonitoringActions | null {
  return useContext(MonitoringContext)
}
