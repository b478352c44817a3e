/**
 * Dispositions in the local store: this agent's own (journaled, pending until the server has
 * them) and, pulled, the synced ones the server lets this user see. One per call.
 */
import type { Database } from 'sql.js'

import type { LocalDisposition, LocalSyncState } from '@shared/contract/worker'
import {
  dispositionRecordArgsSchema,
  type Disposition,
  type DispositionRecordArgs
} from '@shared/domain/disposition'
import type { MutationOf } from '@shared/sync/protocol'

import { enqueueMutation } from '../sync/outbox'
import { asNullableString, asString, queryOne, type Row } from '../store/sql'

const syncStates: readonly LocalSyncState[] = ['pending', 'synced', 'rejected']

function toLocal(row: Row): LocalDisposition | null {
  const args = dispositionRecordArgsSchema.safeParse(JSON.parse(asString(row['data'])))
  if (!args.success) return null
  return { ...args.data, syncState: syncStates.find((s) => s === row['sync_state']) ?? 'pending' }
}

function upsert(
  db: Database,
  record: DispositionRecordArgs,
  agentId: string | null,
  state: LocalSyncState
): void {
  db.run(
    `INSERT INTO dispositions (id, call_id, agent_id, data, sync_state) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id, data = excluded.data,
       sync_state = excluded.sync_state`,
    [record.id, record.callId, agentId, JSON.stringify(record), state]
  )
}

export function hasDisposition(db: Database, id: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM dispositions WHERE id = ?', [id]) !== null
}

/** The optimistic row and its outbox entry; the caller's transaction holds both. */
export function applyLocalDisposition(
  db: Database,
  mutation: MutationOf<'disposition.record'>
): void {
  upsert(db, mutation.args, null, 'pending')
  enqueueMutation(db, mutation)
}

export function upsertServerDisposition(db: Database, disposition: Disposition): void {
  const { agentId, ...rest } = disposition
  const record = dispositionRecordArgsSchema.safeParse({
    id: rest.id,
    callId: rest.callId,
    interactionId: rest.interactionId,
    practice: rest.practice,
    code: rest.code,
    note: rest.note,
    customerId: rest.customerId,
    recordedAt: rest.recordedAt
  })
  if (record.success) upsert(db, record.data, agentId, 'synced')
}

export function getDisposition(db: Database, id: string): LocalDisposition | null {
  const row = queryOne(db, 'SELECT data, sync_state FROM dispositions WHERE id = ?', [id])
  return row ? toLocal(row) : null
}

/** This user's disposition of a call (their own rows carry no agent, or theirs). */
export function dispositionForCall(
  db: Database,
  callId: string,
  userId: string
): LocalDisposition | null {
  const row = queryOne(
    db,
    `SELECT data, sync_state FROM dispositions
     WHERE call_id = ? AND (agent_id IS NULL OR agent_id = ?) LIMIT 1`,
    [callId, userId]
  )
  return row ? toLocal(row) : null
}

/** The interaction record of a call, for the disposition to link to. */
export function interactionIdOfCall(db: Database, callId: string): string | null {
  const row = queryOne(
    db,
    `SELECT id FROM interactions WHERE json_extract(data, '$.callId') = ?
     ORDER BY ring_at DESC LIMIT 1`,
    [callId]
  )
  return row ? asNullableString(row['id']) : null
}
