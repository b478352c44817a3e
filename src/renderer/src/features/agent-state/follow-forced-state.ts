/**
 * The desk obeys a team lead: when a state the lead forced on this agent arrives by pull and is
 * the agent's latest record (nothing the desk recorded since is newer), the desk takes it and
 * tells the agent. Each forced record is applied at most once; after the agent changes state, or
 * after a reload (the desk records its state at login), it is no longer the latest and never
 * applies again.
 */
import type { LocalAgentState } from '@shared/contract/worker'
import { dataClient } from '../../data/data-client'
import { useAppStore } from '../../stores/app-store'

function forcedOn(record: LocalAgentState | null, agentId: string): LocalAgentState | null {
  if (record === null || record.source !== 'lead' || record.agentId !== agentId) return null
  // The lead's own pending copy never reaches here: it is kept in the lead's store, not this one.
  return record.syncState === 'synced' ? record : null
}

/** Starts following forced states for the session; returns the stop function. */
export function watchForcedStates(): () => void {
  const user = useAppStore.getState().auth.user
  const client = dataClient()
  // Only a team's agents can be forced (the server refuses the rest).
  if (!client || !user || user.role !== 'agent' || user.teamId === null) return () => undefined
  const applied = new Set<string>()
  let stopped = false
  let checking = Promise.resolve()

  const check = async (): Promise<void> => {
    const answer = await client.send('agentState:current', {})
    if (stopped || !answer.ok) return
    const forced = forcedOn(answer.data.agentState, user.id)
    if (forced === null || applied.has(forced.id)) return
    applied.add(forced.id)
    if (forced.state !== 'ready' && forced.state !== 'not_ready') return
    useAppStore.getState().agentStateForced({
      id: forced.id,
      state: forced.state,
      pauseReason: forced.pauseReason,
      by: forced.setByName,
      note: forced.note
    })
  }

  // Not at start: the desk's own record at login comes first and is the latest, by design.
  const unlisten = client.listen('data:changed', ({ entities }) => {
    if (!entities.includes('agent_state')) return
    // One check at a time, so a burst of pulls never applies the same record twice.
    checking = checking.then(check).catch(() => undefined)
  })
  return () => {
    stopped = true
    unlisten()
  }
}
