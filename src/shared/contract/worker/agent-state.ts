/**
 * The agent's state as the worker keeps it, and the requests on it.
 */
import type {
  AgentStateForceInput,
  AgentStateInput,
  AgentStateLocalRecord
} from '../../domain/agent-state'
import type { LocalSyncState } from './sync'

/**
 * An agent state record as the local store keeps it: the desk's own, the server's
 * (`connection_lost`) or a lead's (`source`, `setBy`, `setByName`, `note`).
 */
export interface LocalAgentState extends AgentStateLocalRecord {
  /** The agent; null for this user's own desk records not yet back from the server. */
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
  /**
   * A team lead (or an admin) forces an agent's state, Ready or Not Ready with a selectable
   * pause reason and a note: journaled (works offline) and synced as `agent_state.force`; the
   * server checks the lead's team, and the agent's desk applies it when it pulls it.
   */
  'agentState:force': (args: AgentStateForceInput) => { agentState: LocalAgentState }
  /** This user's latest recorded state, or null before the first. */
  'agentState:current': (args: Record<string, never>) => { agentState: LocalAgentState | null }
  /** The latest state of each agent in the cache: the user's own, and a lead's whole team. */
  'agentState:latest': (args: Record<string, never>) => { agentStates: LocalAgentState[] }
}
