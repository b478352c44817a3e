/**
 * Script run records live locally only as outbox entries: nothing on the client reads them back
 * (analytics are the server's), so they need no table of their own. A run is "applied" locally
 * while its mutation waits in the outbox; replaying one the server already took re-queues it,
 * and the server answers the repeat with the stored result (exactly once there).
 */
import type { Database } from 'sql.js'

import type { MutationOf } from '@shared/sync/protocol'

import { enqueueMutation, isMutationQueued } from '../sync/outbox'

export const isScriptRunQueued = isMutationQueued

export function applyLocalScriptRun(db: Database, mutation: MutationOf<'script_run.record'>): void {
  enqueueMutation(db, mutation)
}
