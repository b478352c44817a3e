/**
 * Whispers in the local store: on an agent's desk the ones sent to them, on a lead's the team's
 * (as pulled: the latest version wins), with this user's own sends and acknowledgements laid
 * over them until the server confirms.
 */
import type { Database } from 'sql.js'

import type { LocalSyncState, LocalWhisper } from '@shared/contract/worker'
import type { Whisper } from '@shared/domain/whisper'
import type { MutationOf } from '@shared/sync/protocol'

import { enqueueMutation } from '../sync/outbox'
import { asString, queryAll, queryOne, type Row } from '../store/sql'

const syncStates: readonly LocalSyncState[] = ['pending', 'synced', 'rejected']
const COLUMNS = 'acknowledged_at, data, sync_state'

function toLocal(row: Row): LocalWhisper {
  const data = JSON.parse(asString(row['data'])) as Omit<
    LocalWhisper,
    'syncState' | 'acknowledgedAt'
  >
  const acknowledged = row['acknowledged_at']
  return {
    ...data,
    acknowledgedAt: typeof acknowledged === 'string' ? acknowledged : null,
    syncState: syncStates.find((s) => s === row['sync_state']) ?? 'pending'
  }
}

function write(db: Database, whisper: Omit<LocalWhisper, 'syncState'>, state: LocalSyncState) {
  const { acknowledgedAt, ...data } = whisper
  db.run(
    `INSERT INTO whispers (id, agent_id, call_id, sent_at, acknowledged_at, data, sync_state)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id, call_id = excluded.call_id,
       sent_at = excluded.sent_at, acknowledged_at = excluded.acknowledged_at,
       data = excluded.data, sync_state = excluded.sync_state`,
    [
      whisper.id,
      whisper.agentId,
      whisper.callId,
      whisper.sentAt,
      acknowledgedAt,
      JSON.stringify(data),
      state
    ]
  )
}

export function getWhisper(db: Database, id: string): LocalWhisper | null {
  const row = queryOne(db, `SELECT ${COLUMNS} FROM whispers WHERE id = ?`, [id])
  return row ? toLocal(row) : null
}

export function hasWhisper(db: Database, id: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM whispers WHERE id = ?', [id]) !== null
}

/** The sender's own copy: who sent it (this user) comes back with the server's version. */
export function applyLocalWhisperSend(db: Database, mutation: MutationOf<'whisper.send'>): void {
  write(db, { ...mutation.args, leadId: '', leadName: '', acknowledgedAt: null }, 'pending')
  enqueueMutation(db, mutation)
}

/** Whether a mutation was journaled already (replay skips it). */
export function isWhisperMutationQueued(db: Database, mutationId: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM outbox WHERE mutation_id = ?', [mutationId]) !== null
}

export function applyLocalWhisperAcknowledge(
  db: Database,
  mutation: MutationOf<'whisper.acknowledge'>
): void {
  const current = getWhisper(db, mutation.args.id)
  // A second "Got it" keeps the first time, as the server does.
  if (current && current.acknowledgedAt === null) {
    write(db, { ...current, acknowledgedAt: mutation.args.acknowledgedAt }, 'pending')
  }
  enqueueMutation(db, mutation)
}

/**
 * The server's whisper replaces the local one, except that an acknowledgement made here and not
 * yet confirmed stays: an older pulled version must not bring the whisper back on screen.
 */
export function upsertServerWhisper(db: Database, whisper: Whisper): void {
  const local = getWhisper(db, whisper.id)
  const acknowledgedAt =
    whisper.acknowledgedAt ?? (local?.syncState === 'pending' ? local.acknowledgedAt : null)
  write(
    db,
    {
      id: whisper.id,
      agentId: whisper.agentId,
      callId: whisper.callId,
      kind: whisper.kind,
      text: whisper.text,
      jumpId: whisper.jumpId,
      jumpLabel: whisper.jumpLabel,
      answersHand: whisper.answersHand,
      sentAt: whisper.sentAt,
      leadId: whisper.leadId,
      leadName: whisper.leadName,
      acknowledgedAt
    },
    acknowledgedAt !== whisper.acknowledgedAt ? 'pending' : 'synced'
  )
}

/** Whispers to `agentId` not acknowledged yet, newest first. */
export function unacknowledgedWhispers(
  db: Database,
  agentId: string,
  limit: number
): LocalWhisper[] {
  return queryAll(
    db,
    `SELECT ${COLUMNS} FROM whispers WHERE agent_id = ? AND acknowledged_at IS NULL
     ORDER BY sent_at DESC, id LIMIT ?`,
    [agentId, limit]
  ).map(toLocal)
}

/** Whispers to `agentId` sent at or after `since`, newest first. */
export function whispersSentTo(
  db: Database,
  agentId: string,
  since: string,
  limit: number
): LocalWhisper[] {
  return queryAll(
    db,
    `SELECT ${COLUMNS} FROM whispers WHERE agent_id = ? AND sent_at >= ?
     ORDER BY sent_at DESC, id LIMIT ?`,
    [agentId, since, limit]
  ).map(toLocal)
}

/** The whispers of one call, oldest first. */
export function whispersOfCall(db: Database, callId: string): LocalWhisper[] {
  return queryAll(
    db,
    `SELECT ${COLUMNS} FROM whispers WHERE call_id = ? ORDER BY sent_at, id LIMIT 50`,
    [callId]
  ).map(toLocal)
}
