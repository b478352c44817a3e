/**
 * Opening and closing the user's session in the worker.
 */
import type { SessionUser } from '../../domain/user'

export interface SessionTokens {
  accessToken: string
  refreshToken: string
}

/**
 * Where the worker keeps its durable files: OPFS in the browser edition (the default), or the
 * Electron main process through the page (`durable-call` messages, see {@link answerDurableCall}).
 */
export type WorkerStorageKind = 'opfs' | 'desktop'

/** The session of the signed-in user. */
export interface SessionRequests {
  /**
   * Opens the local store of `user` (one per user, guarded by a Web Lock: a second tab gets
   * `unavailable`) and starts syncing with `serverUrl`. `storage` defaults to `'opfs'`; pass
   * `'desktop'` in Electron.
   */
  'session:open': (args: {
    user: SessionUser
    serverUrl: string
    tokens: SessionTokens
    storage?: WorkerStorageKind
  }) => { customers: number; cursor: number; restoredWrites: number }
  'session:close': (args: Record<string, never>) => { closed: true }
}
