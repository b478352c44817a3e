/** How agent state records, written here or pulled, land in the store. */
import { pulledRecord, type MutationSlice, type PulledSlice } from '../store/apply-tables'
import { applyLocalAgentState, hasAgentState, upsertServerAgentState } from './rows'

export const agentStateMutations: MutationSlice<'agent_state.record'> = {
  applied: { 'agent_state.record': (db, m) => hasAgentState(db, m.args.id) },
  apply: { 'agent_state.record': applyLocalAgentState }
}

export const agentStatePulled: PulledSlice<'agent_state'> = {
  agent_state: pulledRecord(upsertServerAgentState)
}
