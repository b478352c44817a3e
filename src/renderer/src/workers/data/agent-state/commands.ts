/**
 * A change of the agent's state (`agent_state.record`), or a lead forcing an agent's state
 * (`agent_state.force`), journaled through the store for sync.
 */
import type { LocalAgentState } from '@shared/contract/worker'
import type { Role } from '@shared/domain/user'
import type { AgentStateForceInput, AgentStateInput } from '@shared/domain/agent-state'

import { workerError } from '../runtime/worker-error'
import type { LocalStore } from '../store/local-store'
import { getAgentState } from './rows'

/** Journals, applies and acknowledges a change of this agent's state. */
export async function recordAgentState(
  store: LocalStore,
  input: AgentStateInput
): Promise<LocalAgentState> {
  const args = { id: store.newId(), ...input }
  await store.write({ id: store.newId(), name: 'agent_state.record', args })
  const state = getAgentState(store.db, args.id)
  if (state === null) throw new Error('agent state vanished after insert')
  return state
}

/**
 * Journals a lead's forcing of an agent's state. Only leads and admins may (the server checks
 * the team again); refusing others here saves them a record that could only come back rejected.
 */
export async function forceAgentState(
  store: LocalStore,
  actor: { role: Role },
  input: AgentStateForceInput
): Promise<LocalAgentState> {
  if (actor.role !== 'team_lead' && actor.role !== 'admin') {
    throw workerError('forbidden', "Only a team lead or an admin forces an agent's state")
  }
  const args = { id: store.newId(), ...input }
  await store.write({ id: store.newId(), name: 'agent_state.force', args })
  const state = getAgentState(store.db, args.id)
  if (state === null) throw new Error('forced agent state vanished after insert')
  return state
}
