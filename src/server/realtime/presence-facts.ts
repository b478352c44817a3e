/**
 * The durable facts live presence writes (presence-floor.ts): a desk that went silent is
 * "connection lost" in the agent state records, and a desk back after a loss is in its state
 * again, so figures never count a dead desk as on a call.
 */
import { recordSystemAgentState } from '../agent-state/system-state'
import type { Db } from '../db/db'
import type { PresenceFacts } from './presence-floor'

/** How long a returning desk has to record its own state before the server records it. */
const RESTORE_GRACE_MS = 5000

export function presenceFacts(db: Db, restoreGraceMs = RESTORE_GRACE_MS): PresenceFacts {
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
      // Only after a loss, and only if the desk says nothing itself: its own records (written at
      // login, or pushed after an outage) usually follow its first frame within a second or two,
      // and a second account of the same moment would only repeat them.
      await new Promise((resolve) => setTimeout(resolve, restoreGraceMs))
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
