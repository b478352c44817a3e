/**
 * Agent state records in the local store: this agent's own changes (journaled, pending until
 * the server has them) and, pulled from the server, their own synced records and — for a team
 * lead — every teammate's, whoever set them (the desk, the server's "connection lost", a lead).
 * `agent_id` is null on a desk's local row: it is always the store's user. A state a lead forces
 * here is kept under the agent it names.
 */
import type { Database } from 'sql.js'

import type { LocalAgentState, LocalSyncState } from '@shared/contract/worker'
import {
  agentStateLocalRecordSchema,
  type AgentState,
  type AgentStateLocalRecord
} from '@shared/domain/agent-state'
import type { MutationOf } from '@shared/sync/protocol'

import { enqueueMutation } from '../sync/outbox'
import { asNullableString, asString, queryAll, queryOne, type Row } from '../store/sql'

const syncStates: readonly LocalSyncState[] = ['pending', 'synced', 'rejected']

const DESK_ATTRIBUTION = { source: 'desk', setBy: null, setByName: null, note: null } as const

function toLocal(row: Row): LocalAgentState | null {
  // Rows written before records were attributed parse as the desk's own.
  const args = agentStateLocalRecordSchema.safeParse(JSON.parse(asString(row['data'])))
  if (!args.success) return null
  return {
    ...args.data,
    agentId: asNullableString(row['agent_id']),
    syncState: syncStates.find((s) => s === row['sync_state']) ?? 'pending'
  }
}

function upsert(
  db: Database,
  record: AgentStateLocalRecord,
  agentId: string | null,
  state: LocalSyncState
): void {
  db.run(
    `INSERT INTO agent_states (id, agent_id, since, data, sync_state) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id, since = excluded.since,
       data = excluded.data, sync_state = excluded.sync_state`,
    [record.id, agentId, record.since, JSON.stringify(record), state]
  )
}

export function hasAgentState(db: Database, id: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM agent_states WHERE id = ?', [id]) !== null
}

/** The optimistic row and its outbox entry; the caller's transaction holds both. */
export function applyLocalAgentState(
  db: Database,
  mutation: MutationOf<'agent_state.record'>
): void {
  upsert(db, { ...mutation.args, ...DESK_ATTRIBUTION }, null, 'pending')
  enqueueMutation(db, mutation)
}

/**
 * A state this lead forces on an agent, under the agent's id, and its outbox entry. Who set it
 * (the lead's id and name) is the server's to say: the pulled record replaces this one.
 */
export function applyLocalAgentStateForce(
  db: Database,
  mutation: MutationOf<'agent_state.force'>
): void {
  const { agentId, ...args } = mutation.args
  upsert(db, { ...args, source: 'lead', setBy: null, setByName: null }, agentId, 'pending')
  enqueueMutation(db, mutation)
}

/** The server's record wins (its own row, or a teammate's for a lead). */
export function upsertServerAgentState(db: Database, state: AgentState): void {
  const record = agentStateLocalRecordSchema.safeParse(state)
  if (record.success) upsert(db, record.data, state.agentId, 'synced')
}

export function getAgentState(db: Database, id: string): LocalAgentState | null {
  const row = queryOne(db, 'SELECT agent_id, data, sync_state FROM agent_states WHERE id = ?', [id])
  return row ? toLocal(row) : null
}

/** This user's latest state (by `since`), pending or synced; null before the first one. */
export function currentAgentState(db: Database, userId: string): LocalAgentState | null {
  const row = queryOne(
    db,
    `SELECT agent_id, data, sync_state FROM agent_states
     WHERE agent_id IS NULL OR agent_id = ? ORDER BY since DESC, rowid DESC LIMIT 1`,
    [userId]
  )
  return row ? toLocal(row) : null
}

/** The latest state of every agent this store has records of (a lead's team), by agent. */
export function latestAgentStates(db: Database, userId: string): LocalAgentState[] {
  const rows = queryAll(
    db,
    `SELECT agent_id, data, sync_state FROM (
       SELECT COALESCE(agent_id, ?) AS who, agent_id, data, sync_state,
              ROW_NUMBER() OVER (PARTITION BY COALESCE(agent_id, ?) ORDER BY since DESC, rowid DESC)
                AS n
       FROM agent_states)
     WHERE n = 1 ORDER BY who`,
    [userId, userId]
  )
  return rows.map(toLocal).filter((r): r is LocalAgentState => r !== null)
}
