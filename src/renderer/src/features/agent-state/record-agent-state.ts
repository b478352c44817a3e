/**
 * Records every change of the agent's status (as others see it) through the data worker:
 * journaled, then synced as `agent_state.record`, so a lead's board and the occupancy figures
 * come from facts, offline periods included.
 */
import { dataClient } from '../../data/data-client'
import { useAppStore, type AppState } from '../../stores/app-store'
import { effectiveAgentState, type EffectiveAgentState } from './agent-state'

interface Recorded {
  state: EffectiveAgentState
  pauseReason: string | null
}

function currentOf(s: AppState): Recorded {
  const state = effectiveAgentState(s.agent.availability, s.phone.phase)
  const availability = s.agent.availability
  const pauseReason =
    state === 'not_ready' && availability.kind === 'not_ready' ? availability.reason : null
  return { state, pauseReason }
}

async function record(next: Recorded): Promise<void> {
  const client = dataClient()
  if (!client) return
  const result = await client.send('agentState:record', {
    ...next,
    // Recorded as it happens: the change's time is now, also when a call hands back to Ready.
    since: new Date().toISOString()
  })
  // The worker refused to journal it (never expected): say so next to the status.
  if (!result.ok) useAppStore.getState().agentStateRecordFailed(result.error.message)
}

/**
 * Starts recording for the session (records the state at login); returns the stop function.
 *
 * @remarks A state a lead forced is already on the server as the lead's record: the desk does
 * not record it again. When the desk could not take it as it is (a call is up, so the pause
 * follows the call; the phone cannot ring, so Ready waits), it records what it really is now,
 * so the figures follow the phone, not the lead's wish.
 */
export function watchAgentStateRecords(): () => void {
  const user = useAppStore.getState().auth.user
  // Only a team's members are on a floor: the server refuses anyone else's states, and a
  // trainer's or an admin's refused records would only fill the sync bar with rejections.
  if (!user || user.teamId === null || user.role === 'trainer') return () => undefined
  let last = currentOf(useAppStore.getState())
  let forcedSeen = useAppStore.getState().agent.forced?.id ?? null
  void record(last)
  return useAppStore.subscribe((s) => {
    const next = currentOf(s)
    const forced = s.agent.forced
    if (forced !== null && forced.id !== forcedSeen) {
      forcedSeen = forced.id
      last = next
      if (next.state !== forced.state || next.pauseReason !== forced.pauseReason) void record(next)
      return
    }
    if (next.state === last.state && next.pauseReason === last.pauseReason) return
    last = next
    void record(next)
  })
}

/** Long enough for a push on a healthy network; logout never hangs on a dead one. */
const SIGN_OFF_SYNC_MS = 2000

/**
 * Logout: records "logged out" so a lead's board does not show a gone agent as Ready, and gives
 * sync a moment to push it. Offline, the record waits in the journal for the next login.
 */
export async function recordSignOff(): Promise<void> {
  const user = useAppStore.getState().auth.user
  const client = dataClient()
  if (!client || !user || user.teamId === null || user.role === 'trainer') return
  const saved = await client.send('agentState:record', {
    state: 'logged_out',
    pauseReason: null,
    since: new Date().toISOString()
  })
  if (!saved.ok) return
  await Promise.race([
    client.send('sync:now', {}),
    new Promise((resolve) => setTimeout(resolve, SIGN_OFF_SYNC_MS))
  ])
}
