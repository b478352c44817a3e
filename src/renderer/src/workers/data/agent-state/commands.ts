/** A change of the agent's state, journaled through the store for sync (`agent_state.record`). */
import type { LocalAgentState } from '@shared/contract/worker'
import type { AgentStateInput } from '@shared/domain/agent-state'

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
