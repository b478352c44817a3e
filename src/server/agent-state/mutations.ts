/** The agent-state capability's mutations: an agent's change of state, a lead forcing one. */
import type { MutationSlice } from '../sync/mutation-slice'
import { applyAgentStateForce } from './agent-state-force'
import { applyAgentStateRecord } from './agent-state-record'

export const agentStateMutations: MutationSlice<'agent_state'> = {
  'agent_state.record': ({ tx, claims }, m) => applyAgentStateRecord(tx, claims, m.args),
  'agent_state.force': ({ tx, claims }, m) => applyAgentStateForce(tx, claims, m.args)
}
