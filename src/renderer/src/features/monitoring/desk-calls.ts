/**
 * The desk's calls as the floor knows them (the ids desk-presence.ts publishes: the front call's
 * and every other line's), and what a monitored one is doing now.
 */
import { CallState } from '@renderer/telephony/call-session'
import type { AppState } from '@renderer/stores/app-store'

const frontPhasesInCall = new Set(['ringing', 'dialing', 'connecting', 'active', 'held'])

/** The ids of the calls up at this desk now: a grant must name one of them. */
export function deskCallIds(s: AppState): string[] {
  const { call, phase, lines } = s.phone
  const ids = call && frontPhasesInCall.has(phase) ? [call.id] : []
  for (const line of lines) if (line.state !== CallState.Ended) ids.push(line.info.id)
  return ids
}

/**
 * What the monitored call `callId` is doing: `held` also when another line is in front (the agent
 * swapped to it: the customer waits on hold), `ended` once it is in wrap-up or gone.
 */
export function monitoredCallState(s: AppState, callId: string): 'active' | 'held' | 'ended' {
  const { call, phase, lines } = s.phone
  if (call?.id === callId) {
    if (phase === 'held') return 'held'
    return frontPhasesInCall.has(phase) ? 'active' : 'ended'
  }
  const line = lines.find((l) => l.info.id === callId)
  if (!line || line.state === CallState.Ended) return 'ended'
  return 'held'
}
