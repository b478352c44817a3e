/**
 * The server's own agent state facts: when the presence hub stops hearing a desk it records
 * `connection_lost`, so a lead's board and the figures never count a dead desk as on a call.
 * Every instance of the server may notice the same silence; the fact's id is the same on all of
 * them, and the first insert wins.
 */
import type { AgentState } from '@shared/domain/agent-state'
import type { Db } from '../db/db'
import { appendChanges, pokeKeysOf, type NewChange } from '../sync/change-log'
import { announceChanges } from '../sync/pull'

export interface SystemStateFact {
  id: string
  agentId: string
  teamId: string
  state: 'connection_lost' | 'ready' | 'not_ready' | 'on_call' | 'wrap_up'
  pauseReason: string | null
  since: string
}

/** States after which "connection lost" says nothing new: the desk is already gone. */
const GONE = ['connection_lost', 'logged_out']

/**
 * Inserts the fact once (same id from any instance: ON CONFLICT DO NOTHING) with its change-log
 * entry, in one transaction. Returns whether it was inserted.
 */
export async function recordSystemAgentState(db: Db, fact: SystemStateFact): Promise<boolean> {
  const committed = await db.transaction(async (tx) => {
    if (fact.state === 'connection_lost') {
      const latest = await tx.query<{ state: string }>(
        `SELECT state FROM agent_states WHERE agent_id = $1
         ORDER BY since DESC, received_at DESC LIMIT 1`,
        [fact.agentId]
      )
      if (GONE.includes(latest[0]?.state ?? '')) return null
    }
    const inserted = await tx.query<{ received_at: Date }>(
      `INSERT INTO agent_states (id, agent_id, team_id, state, pause_reason, since, source)
       VALUES ($1, $2, $3, $4, $5, $6, 'system')
       ON CONFLICT (id) DO NOTHING RETURNING received_at`,
      [fact.id, fact.agentId, fact.teamId, fact.state, fact.pauseReason, fact.since]
    )
    const row = inserted[0]
    if (!row) return null
    const data = {
      ...fact,
      receivedAt: row.received_at.toISOString(),
      source: 'system',
      setBy: null,
      setByName: null,
      note: null
    } satisfies AgentState
    // Private like the desk's own records: the agent and the team's leads (and admins).
    const changes: NewChange[] = [
      { entity: 'agent_state', entityId: fact.id, teamId: fact.teamId, userId: fact.agentId, data }
    ]
    const cursor = await appendChanges(tx, changes)
    return { cursor, teams: pokeKeysOf(changes) }
  })
  if (committed === null) return false
  await announceChanges(db, committed)
  return true
}
