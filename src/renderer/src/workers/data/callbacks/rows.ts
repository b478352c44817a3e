/**
 * Callbacks in the local store: the team's, as pulled (latest version wins), and this user's
 * own schedules and completions laid over them until the server confirms.
 */
import type { Database } from 'sql.js'

import type { LocalCallback, LocalSyncState } from '@shared/contract/worker'
import { callbackStatuses, type Callback } from '@shared/domain/callback'
import type { MutationOf } from '@shared/sync/protocol'

import { enqueueMutation } from '../sync/outbox'
import { asString, queryAll, queryOne, type Row } from '../store/sql'

const syncStates: readonly LocalSyncState[] = ['pending', 'synced', 'rejected']

function toLocal(row: Row): LocalCallback {
  const data = JSON.parse(asString(row['data'])) as Omit<LocalCallback, 'syncState' | 'status'>
  return {
    ...data,
    status: callbackStatuses.find((s) => s === row['status']) ?? 'open',
    syncState: syncStates.find((s) => s === row['sync_state']) ?? 'pending'
  }
}

function write(db: Database, callback: Omit<LocalCallback, 'syncState'>, state: LocalSyncState) {
  const { status, ...data } = callback
  db.run(
    `INSERT INTO callbacks (id, assignee_id, status, due_at, data, sync_state)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET assignee_id = excluded.assignee_id, status = excluded.status,
       due_at = excluded.due_at, data = excluded.data, sync_state = excluded.sync_state`,
    [callback.id, callback.assigneeId, status, callback.dueAt, JSON.stringify(data), state]
  )
}

export function hasCallback(db: Database, id: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM callbacks WHERE id = ?', [id]) !== null
}

export function getCallback(db: Database, id: string): LocalCallback | null {
  const row = queryOne(db, 'SELECT status, data, sync_state FROM callbacks WHERE id = ?', [id])
  return row ? toLocal(row) : null
}

export function applyLocalCallbackSchedule(
  db: Database,
  mutation: MutationOf<'callback.schedule'>
): void {
  write(db, { ...mutation.args, status: 'open', completedAt: null }, 'pending')
  enqueueMutation(db, mutation)
}

/** Whether a completion was journaled already (replay skips it). */
export function isCallbackCompletionQueued(db: Database, mutationId: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM outbox WHERE mutation_id = ?', [mutationId]) !== null
}

export function applyLocalCallbackComplete(
  db: Database,
  mutation: MutationOf<'callback.complete'>
): void {
  const current = getCallback(db, mutation.args.id)
  if (current) {
    write(db, { ...current, status: 'done', completedAt: mutation.args.completedAt }, 'pending')
  }
  enqueueMutation(db, mutation)
}

/**
 * The server's callback replaces the local one, except that a completion made here and not yet
 * acknowledged stays done: an older pulled version must not reopen it on screen.
 */
export function upsertServerCallback(db: Database, callback: Callback): void {
  const local = getCallback(db, callback.id)
  if (local?.status === 'done' && local.syncState === 'pending' && callback.status === 'open') {
    return
  }
  write(
    db,
    {
      id: callback.id,
      customerId: callback.customerId,
      contactName: callback.contactName,
      phoneE164: callback.phoneE164,
      dueAt: callback.dueAt,
      note: callback.note,
      assigneeId: callback.assigneeId,
      practice: callback.practice,
      callId: callback.callId,
      createdAt: callback.createdAt,
      status: callback.status,
      completedAt: callback.completedAt
    },
    'synced'
  )
}

/** Open callbacks assigned to `userId`, soonest first. */
export function myOpenCallbacks(db: Database, userId: string, limit: number): LocalCallback[] {
  return queryAll(
    db,
    `SELECT status, data, sync_state FROM callbacks
     WHERE assignee_id = ? AND status = 'open' ORDER BY due_at LIMIT ?`,
    [userId, limit]
  ).map(toLocal)
}
