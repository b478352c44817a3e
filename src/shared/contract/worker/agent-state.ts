/**
 * The agent's state as the worker keeps it, and the requests on it.
 */
import type { AgentStateInput, AgentStateRecordArgs } from '../../domain/agent-state'
import type { LocalSyncState } from './sync'

/** An agent state record as the local store keeps it. */
export interface LocalAgentState extends AgentStateRecordArgs {
  /** The agent; null for this user's own records not yet back from the server. */
  agentId: string | null
  syncState: LocalSyncState
}

/** The agent state requests. */
export interface AgentStateRequests {
  /**
   * Journals a change of this agent's state (durable before it resolves) and syncs it as
   * `agent_state.record`. `pauseReason` only with `not_ready` (a configured pause reason code).
   */
  'agentState:record': (args: AgentStateInput) => { agentState: LocalAgentState }
  /** This user's latest recorded state, or null before the first. */
  'agentState:current': (args: Record<string, never>) => { agentState: LocalAgentState | null }
  /** The latest state of each agent in the cache: the user's own, and a lead's whole team. */
  'agentState:latest': (args: Record<string, never>) => { agentStates: LocalAgentState[] }
}
