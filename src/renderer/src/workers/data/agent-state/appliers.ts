/** How agent state records, written here or pulled, land in the store. */
import { pulledRecord, type MutationSlice, type PulledSlice } from '../store/apply-tables'
import {
  applyLocalAgentState,
  applyLocalAgentStateForce,
  hasAgentState,
  upsertServerAgentState
} from './rows'

export const agentStateMutations: MutationSlice<'agent_state.record' | 'agent_state.force'> = {
  applied: {
    'agent_state.record': (db, m) => hasAgentState(db, m.args.id),
    'agent_state.force': (db, m) => hasAgentState(db, m.args.id)
  },
  apply: {
    'agent_state.record': applyLocalAgentState,
    'agent_state.force': applyLocalAgentStateForce
  }
}

export const agentStatePulled: PulledSlice<'agent_state'> = {
  agent_state: pulledRecord(upsertServerAgentState)
}
