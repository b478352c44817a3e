/**
 * Owns the worker's current session: opens it under the store's Web Lock, picks the durable
 * files (OPFS or desktop), and answers requests that need an open store.
 */
import type { SqlJsStatic } from 'sql.js'

import type { WorkerArgs, WorkerReply, WorkerStorageKind } from '@shared/contract/worker'

import { countCustomers } from '../customers/queries'
import { monitoringKeysOf } from '../monitoring/requests'
import type { DurableFiles } from '../store/durable-files'
import { Session } from './session'
import type { ReleaseLock } from '../store/store-lock'
import type { SyncRuntime } from '../sync/engine'
import { toAppError, WorkerError, workerError } from '../runtime/worker-error'

export interface SessionHostDeps extends SyncRuntime {
  loadSql: () => Promise<SqlJsStatic>
  filesFor: (storage: WorkerStorageKind) => Promise<DurableFiles>
  acquireLock: (name: string) => Promise<ReleaseLock | null>
  newId: () => string
  now: () => Date
}

export class SessionHost {
  private current: { session: Session; release: ReleaseLock } | null = null

  constructor(private readonly deps: SessionHostDeps) {}

  /** The open session, or an `unavailable` error the page can show. */
  get session(): Session {
    if (!this.current) throw workerError('unavailable', 'no session is open in the data worker')
    return this.current.session
  }

  async open(args: WorkerArgs<'session:open'>): Promise<WorkerReply<'session:open'>> {
    await this.close()
    const release = await this.deps.acquireLock(`atiende-store-${args.user.id}`)
    if (release === null) {
      throw workerError('unavailable', 'the local store is already open in another tab or window')
    }
    try {
      const session = await Session.open({
        ...this.deps,
        sql: await this.deps.loadSql(),
        files: await this.deps.filesFor(args.storage ?? 'opfs'),
        storeName: `atiende-${args.user.id}`,
        userId: args.user.id,
        role: args.user.role,
        serverUrl: args.serverUrl,
        tokens: args.tokens
      })
      this.current = { session, release }
      // An agent's desk checks a monitoring grant the moment its INVITE arrives: the server's
      // keys are fetched now, in the background (an admit fetches them itself if this failed).
      if (args.user.role === 'agent') void monitoringKeysOf(session).current()
      return {
        customers: countCustomers(session.store.db),
        cursor: session.store.cursor,
        restoredWrites: session.store.report.restoredWrites
      }
    } catch (error) {
      release()
      if (error instanceof WorkerError) throw error
      throw new WorkerError(toAppError(error, 'storage_failure'))
    }
  }

  async close(): Promise<void> {
    const current = this.current
    if (!current) return
    this.current = null
    try {
      await current.session.close()
    } finally {
      current.release()
    }
  }
}
