/**
 * The `evaluations` table's rows: the evaluation shown (`data`), the server's version as last
 * known (`server_data`, null until the server has one) and the columns the lists filter on.
 */
import type { Database } from 'sql.js'

import type { LocalEvaluation, LocalSyncState } from '@shared/contract/worker'
import type { Evaluation } from '@shared/evaluations/evaluation'

import { asNullableString, asString, queryOne, type Row } from '../store/sql'
import { SELF } from './steps'

const syncStates: readonly LocalSyncState[] = ['pending', 'synced', 'rejected']

/** One stored evaluation, as the rebase reads and writes it. */
export interface StoredEvaluation {
  shown: Evaluation
  server: Evaluation | null
  syncState: LocalSyncState
}

/** This desk's user, who wrote every step marked {@link SELF}. */
export interface Me {
  id: string
  name: string
}

export const EVALUATION_COLUMNS = 'data, sync_state'

// The row is this build's own JSON (or the server's, parsed on the way in): not parsed again.
const decode = (text: string): Evaluation => JSON.parse(text) as Evaluation

export function readStored(db: Database, id: string): StoredEvaluation | null {
  const row = queryOne(db, 'SELECT data, server_data, sync_state FROM evaluations WHERE id = ?', [
    id
  ])
  if (!row) return null
  const server = asNullableString(row['server_data'])
  return {
    shown: decode(asString(row['data'])),
    server: server === null ? null : decode(server),
    syncState: syncStateOf(row)
  }
}

export function writeStored(db: Database, stored: StoredEvaluation): void {
  const e = stored.shown
  db.run(
    `INSERT INTO evaluations (id, agent_id, evaluator_id, call_id, state, kind, calibration,
       updated_at, data, server_data, sync_state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id,
       evaluator_id = excluded.evaluator_id, call_id = excluded.call_id, state = excluded.state,
       kind = excluded.kind, calibration = excluded.calibration, updated_at = excluded.updated_at,
       data = excluded.data, server_data = excluded.server_data, sync_state = excluded.sync_state`,
    [
      e.id,
      e.agentId,
      e.evaluatorId,
      e.callId,
      e.state,
      e.kind,
      e.calibration ? 1 : 0,
      e.updatedAt,
      JSON.stringify(e),
      stored.server === null ? null : JSON.stringify(stored.server),
      stored.syncState
    ]
  )
}

function syncStateOf(row: Row): LocalSyncState {
  return syncStates.find((s) => s === row['sync_state']) ?? 'pending'
}

const named = (id: string, name: string, me: Me) =>
  id === SELF ? { id: me.id, name: name === SELF ? me.name : name } : { id, name }

/** A row of {@link EVALUATION_COLUMNS} as the page reads it, this desk's steps named. */
export function toLocalEvaluation(row: Row, me: Me): LocalEvaluation {
  const e = decode(asString(row['data']))
  const evaluator = named(e.evaluatorId, e.evaluatorName, me)
  const resolver = e.resolution ? named(e.resolution.byId, e.resolution.byName, me) : null
  return {
    ...e,
    evaluatorId: evaluator.id,
    evaluatorName: evaluator.name,
    resolution:
      e.resolution && resolver
        ? { ...e.resolution, byId: resolver.id, byName: resolver.name }
        : null,
    history: e.history.map((h) => {
      const actor = named(h.actorId, h.actorName, me)
      return { ...h, actorId: actor.id, actorName: actor.name }
    }),
    syncState: syncStateOf(row)
  }
}
