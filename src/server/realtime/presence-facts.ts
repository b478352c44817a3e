/**
 * The durable facts live presence writes (presence-floor.ts): a desk that went silent is
 * "connection lost" in the agent state records, and a desk back after a loss is in its state
 * again, so figures never count a dead desk as on a call.
 */
import { recordSystemAgentState } from '../agent-state/system-state'
import type { Db } from '../db/db'
import type { PresenceFacts } from './presence-floor'

export function presenceFacts(db: Db): PresenceFacts {
  return {
    async connectionLost({ id, agentId, teamId, since }) {
      await recordSystemAgentState(db, {
        id,
        agentId,
        teamId,
        state: 'connection_lost',
        pauseReason: null,
        since
      })
    },
    async connectionRestored({ id, agentId, teamId, presence, since }) {
      // Only after a loss: a desk's own records (written at login, or pushed after an outage)
      // already say what it is doing, and a second account of it would disagree in time.
      const latest = await db.query<{ state: string }>(
        `SELECT state FROM agent_states WHERE agent_id = $1
         ORDER BY since DESC, received_at DESC LIMIT 1`,
        [agentId]
      )
      if (latest[0]?.state !== 'connection_lost') return
      await recordSystemAgentState(db, {
        id,
        agentId,
        teamId,
        state: presence.state,
        pauseReason: presence.state === 'not_ready' ? presence.pauseReason : null,
        since
      })
    }
  }
}
