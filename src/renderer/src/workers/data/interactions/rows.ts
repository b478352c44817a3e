/**
 * The local record of calls: written when a call ends (journaled like every local write) and
 * replaced by the server's row when it arrives in a pull. The card shows the latest ones.
 */
import { z } from 'zod'

import type { Database } from 'sql.js'

import type { LocalInteraction, LocalSyncState } from '@shared/contract/worker'
import {
  interactionRecordArgsSchema,
  type Interaction,
  type InteractionRecordArgs
} from '@shared/domain/interaction'
import type { MutationOf } from '@shared/sync/protocol'

import { enqueueMutation } from '../sync/outbox'
import { asString, queryAll, queryOne, type Row } from '../store/sql'

const syncStates: readonly LocalSyncState[] = ['pending', 'synced', 'rejected']

const agentOfRow = z.object({ agentId: z.uuid() })

function toLocal(row: Row): LocalInteraction | null {
  const data: unknown = JSON.parse(asString(row['data']))
  const args = interactionRecordArgsSchema.safeParse(data)
  if (!args.success) return null
  const state = syncStates.find((s) => s === row['sync_state']) ?? 'pending'
  const agent = agentOfRow.safeParse(data)
  return { ...args.data, syncState: state, agentId: agent.success ? agent.data.agentId : null }
}

/** `agentId` is kept beside the record's fields: the server's copy names whose call it is. */
function upsert(
  db: Database,
  record: InteractionRecordArgs,
  state: LocalSyncState,
  agentId: string | null = null
): void {
  const data = agentId === null ? record : { ...record, agentId }
  db.run(
    `INSERT INTO interactions (id, customer_id, ring_at, data, sync_state) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, data = excluded.data,
       sync_state = excluded.sync_state`,
    [record.id, record.customerId, record.ringAt, JSON.stringify(data), state]
  )
}

export function hasInteraction(db: Database, id: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM interactions WHERE id = ?', [id]) !== null
}

/** The optimistic row and its outbox entry; the caller's transaction holds both. */
export function applyLocalInteraction(
  db: Database,
  mutation: MutationOf<'interaction.record'>
): void {
  upsert(db, mutation.args, 'pending')
  enqueueMutation(db, mutation)
}

/** The server's row wins: same call, now acknowledged (the server-only fields are stripped). */
export function upsertServerInteraction(db: Database, interaction: Interaction): void {
  const record = interactionRecordArgsSchema.safeParse(interaction)
  if (record.success) upsert(db, record.data, 'synced', interaction.agentId)
}

export function getInteraction(db: Database, id: string): LocalInteraction | null {
  const row = queryOne(db, 'SELECT data, sync_state FROM interactions WHERE id = ?', [id])
  return row ? toLocal(row) : null
}

/** Newest first, for one customer or for everyone. */
export function listInteractions(
  db: Database,
  customerId: string | null,
  limit: number
): LocalInteraction[] {
  const rows =
    customerId === null
      ? queryAll(db, 'SELECT data, sync_state FROM interactions ORDER BY ring_at DESC LIMIT ?', [
          limit
        ])
      : queryAll(
          db,
          `SELECT data, sync_state FROM interactions WHERE customer_id = ?
           ORDER BY ring_at DESC LIMIT ?`,
          [customerId, limit]
        )
  return rows.map(toLocal).filter((r): r is LocalInteraction => r !== null)
}
