/**
 * `agent_state.record`: one change of an agent's state. The agent and team come from the access
 * token; the row is private to the agent, their team's leads and admins (`change_log.user_id`).
 */
import type { AgentState, AgentStateRecordArgs } from '@shared/domain/agent-state'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { rejected, repeatOf, type MutationOutcome } from '../sync/mutation-outcome'

/** A desk's own record: nobody else set it. */
export const DESK_ATTRIBUTION = {
  source: 'desk',
  setBy: null,
  setByName: null,
  note: null
} as const satisfies Pick<AgentState, 'source' | 'setBy' | 'setByName' | 'note'>

/** Applies an agent state record inside the caller's transaction. */
export async function applyAgentStateRecord(
  tx: Queryable,
  claims: AccessClaims,
  args: AgentStateRecordArgs
): Promise<MutationOutcome> {
  if (claims.teamId === null || claims.role === 'trainer') {
    return rejected('forbidden', 'Only members of a team record agent states')
  }
  const repeat = await repeatOf(tx, 'agent_states', args.id, claims.userId, 'An agent state')
  if (repeat) return repeat
  if (args.pauseReason !== null) {
    // Retired reasons stay valid: a state recorded offline may use one retired since.
    const known = await tx.query<{ code: string }>(
      'SELECT code FROM pause_reasons WHERE code = $1',
      [args.pauseReason]
    )
    if (known.length === 0) {
      return rejected('invalid_argument', `Unknown pause reason ${args.pauseReason}`, {
        pauseReason: args.pauseReason
      })
    }
  }
  const inserted = await tx.query<{ received_at: Date }>(
    `INSERT INTO agent_states (id, agent_id, team_id, state, pause_reason, since)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING received_at`,
    [args.id, claims.userId, claims.teamId, args.state, args.pauseReason, args.since]
  )
  const state = {
    ...args,
    agentId: claims.userId,
    teamId: claims.teamId,
    receivedAt: (inserted[0]?.received_at ?? new Date()).toISOString(),
    ...DESK_ATTRIBUTION
  } satisfies AgentState
  return {
    status: 'applied',
    changes: [
      {
        entity: 'agent_state',
        entityId: args.id,
        teamId: claims.teamId,
        userId: claims.userId,
        data: state
      }
    ]
  }
}
