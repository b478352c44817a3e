/**
 * The events the worker posts to the page.
 */
import type { FloorEntry } from '../../presence/presence'
import type { SessionTokens } from './session'
import type { SyncEntity, SyncStatus } from './sync'

export interface WorkerEvents {
  'sync:status-changed': SyncStatus
  /** Local data changed (pull applied, write acknowledged): views re-query. */
  'data:changed': { entities: SyncEntity[] }
  /** Tokens were refreshed by the worker: the page persists the new refresh token. */
  'auth:tokens-changed': SessionTokens
  /** The refresh token was refused: the user must log in again (local data is kept). */
  'auth:expired': Record<string, never>
  /** The whole live floor this lead or admin may see, at each realtime (re)connection. */
  'floor:replaced': { entries: FloorEntry[] }
  /** One agent's live presence changed (or was lost). */
  'floor:entry': { entry: FloorEntry }
  /** A log record from the worker (it may not use `console`); the page forwards it to its logger. */
  'worker:log': { level: 'debug' | 'info' | 'warn' | 'error'; scope: string; message: string }
}
export type WorkerEventName = keyof WorkerEvents
