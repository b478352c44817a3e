/**
 * `agent_state.force`: a team lead (or an admin) sets one of the team's agents Ready or Not Ready
 * with a reason, say to pull them into a meeting or back onto the queue. The record is the
 * agent's like any other state (private to the agent, the team's leads and admins), attributed
 * to the lead with their note, and audited. The agent's desk applies it when it pulls it.
 */
import type { AgentState, AgentStateForceArgs } from '@shared/domain/agent-state'
import { writeAudit } from '../auth/audit-log'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'

interface AgentRow {
  role: string
  team_id: string | null
}

/** A retry of the same forced record by its lead is applied with nothing new. */
async function repeatOfForce(
  tx: Queryable,
  claims: AccessClaims,
  id: string
): Promise<MutationOutcome | null> {
  const rows = await tx.query<{ set_by: string | null }>(
    'SELECT set_by FROM agent_states WHERE id = $1',
    [id]
  )
  const row = rows[0]
  if (!row) return null
  if (row.set_by === claims.userId) return { status: 'applied', changes: [] }
  return rejected('conflict', 'An agent state with this id belongs to another user')
}

/** Why `claims` may not force `agent`'s state, or null when they may. */
function refusal(claims: AccessClaims, agent: AgentRow | undefined): MutationOutcome | null {
  if (claims.role !== 'team_lead' && claims.role !== 'admin') {
    return rejected('forbidden', "Only a team lead or an admin forces an agent's state")
  }
  if (!agent || agent.role !== 'agent' || agent.team_id === null) {
    return rejected('forbidden', 'Only an agent of a team has a state to force')
  }
  if (claims.role === 'team_lead' && claims.teamId !== agent.team_id) {
    return rejected('forbidden', "A lead forces the state of their own team's agents only")
  }
  return null
}

/** Applies a forced agent state inside the caller's transaction. */
export async function applyAgentStateForce(
  tx: Queryable,
  claims: AccessClaims,
  args: AgentStateForceArgs
): Promise<MutationOutcome> {
  const repeat = await repeatOfForce(tx, claims, args.id)
  if (repeat) return repeat
  const agents = await tx.query<AgentRow>('SELECT role, team_id FROM users WHERE id = $1', [
    args.agentId
  ])
  const agent = agents[0]
  const refused = refusal(claims, agent)
  if (refused) return refused
  const teamId = agent?.team_id
  if (!teamId) return rejected('forbidden', 'Only an agent of a team has a state to force')
  if (args.pauseReason !== null) {
    // Unlike a desk's record (which may name a reason retired while it was offline), a lead
    // picks from the list in force: the agent must be able to choose the same reason back.
    const known = await tx.query<{ code: string }>(
      'SELECT code FROM pause_reasons WHERE code = $1 AND active AND selectable',
      [args.pauseReason]
    )
    if (known.length === 0) {
      return rejected('invalid_argument', `Pause reason ${args.pauseReason} cannot be chosen`, {
        pauseReason: args.pauseReason
      })
    }
  }
  const leads = await tx.query<{ display_name: string }>(
    'SELECT display_name FROM users WHERE id = $1',
    [claims.userId]
  )
  const setByName = leads[0]?.display_name ?? null
  const inserted = await tx.query<{ received_at: Date }>(
    `INSERT INTO agent_states
       (id, agent_id, team_id, state, pause_reason, since, source, set_by, set_by_name, note)
     VALUES ($1, $2, $3, $4, $5, $6, 'lead', $7, $8, $9) RETURNING received_at`,
    [
      args.id,
      args.agentId,
      teamId,
      args.state,
      args.pauseReason,
      args.since,
      claims.userId,
      setByName,
      args.note
    ]
  )
  const state = {
    id: args.id,
    state: args.state,
    pauseReason: args.pauseReason,
    since: args.since,
    agentId: args.agentId,
    teamId,
    receivedAt: (inserted[0]?.received_at ?? new Date()).toISOString(),
    source: 'lead',
    setBy: claims.userId,
    setByName,
    note: args.note
  } satisfies AgentState
  await writeAudit(tx, {
    action: 'agent_state.forced',
    actorId: claims.userId,
    target: args.agentId,
    details: {
      recordId: args.id,
      teamId,
      state: args.state,
      pauseReason: args.pauseReason,
      note: args.note
    }
  })
  return {
    status: 'applied',
    changes: [
      { entity: 'agent_state', entityId: args.id, teamId, userId: args.agentId, data: state }
    ]
  }
}
