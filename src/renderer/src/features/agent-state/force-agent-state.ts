/**
 * A lead forcing an agent's state through the data worker: journaled (offline too) and synced as
 * `agent_state.force`; the server checks the lead's team, and the agent's desk applies it.
 */
import type { AppError } from '@shared/contract/errors'
import type { ForcibleAgentState } from '@shared/domain/agent-state'
import { dataClient } from '../../data/data-client'

export interface ForceRequest {
  agentId: string
  state: ForcibleAgentState
  /** Required with not_ready; ignored with ready. */
  pauseReason: string | null
  note: string
}

/** Null once journaled; the refusal otherwise. */
export async function forceAgentState(request: ForceRequest): Promise<AppError | null> {
  const client = dataClient()
  if (!client) return null
  const note = request.note.trim()
  const result = await client.send('agentState:force', {
    agentId: request.agentId,
    state: request.state,
    pauseReason: request.state === 'not_ready' ? request.pauseReason : null,
    note: note === '' ? null : note,
    since: new Date().toISOString()
  })
  return result.ok ? null : result.error
}
