/** The agent-state capability's mutations: an agent's change of state. */
import type { MutationSlice } from '../sync/mutation-slice'
import { applyAgentStateRecord } from './agent-state-record'

export const agentStateMutations: MutationSlice<'agent_state'> = {
  'agent_state.record': ({ tx, claims }, m) => applyAgentStateRecord(tx, claims, m.args)
}
