/**
 * The outbox: local mutations waiting for the server, in write order. Rejected ones stay, with
 * their reason, so nothing is dropped silently.
 */
import type { Database } from 'sql.js'

import type { AppError } from '@shared/contract/errors'
import type { CompensationStatus } from '@shared/domain/compensation-record'
import type { Mutation } from '@shared/sync/protocol'

import {
  evaluationApplied,
  evaluationDiscarded,
  evaluationRefused,
  isEvaluationMutation
} from '../evaluations/rebase'
import { isEvaluationMutationName } from '../evaluations/steps'
import { asNumber, asString, queryOne } from '../store/sql'

/**
 * Failed answers from the server (never outages) a mutation may collect before it is shown as
 * stuck and the records behind it go on without it.
 */
export const MAX_PUSH_ATTEMPTS = 5

/** An outbox entry as rejection needs it: its args may be ones this build cannot read. */
export interface OutboxEntry {
  id: string
  args: unknown
}

/** Queues `mutation` after every other one; the caller's transaction also writes its row. */
export function enqueueMutation(db: Database, mutation: Mutation): void {
  db.run(
    `INSERT INTO outbox (mutation_id, seq, name, args, state, last_error)
     VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), ?, ?, 'pending', NULL)`,
    [mutation.id, mutation.name, JSON.stringify(mutation.args)]
  )
}

export interface OutboxCounts {
  /** Waiting for the server; stuck ones are counted apart (see outbox-attempts.ts). */
  pending: number
  rejected: number
}

/**
 * Whether a mutation waits in the outbox: for records kept locally only as their outbox entry
 * (nothing on the desk reads them back), that is "applied" for a replay.
 */
export function isMutationQueued(db: Database, mutationId: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM outbox WHERE mutation_id = ?', [mutationId]) !== null
}

export function outboxCounts(db: Database): OutboxCounts {
  const row = queryOne(
    db,
    `SELECT COALESCE(SUM(state = 'pending' AND attempts < ?), 0) AS pending,
            COALESCE(SUM(state = 'rejected'), 0) AS rejected FROM outbox`,
    [MAX_PUSH_ATTEMPTS]
  )
  return { pending: asNumber(row?.['pending']), rejected: asNumber(row?.['rejected']) }
}

/**
 * The server applied it: the outbox entry goes; the row waits for its case number from a pull.
 * A grant takes the status the server decided (`compensation`), which may differ from ours.
 */
export function markApplied(
  db: Database,
  mutation: Mutation,
  compensation?: CompensationStatus
): void {
  db.run('DELETE FROM outbox WHERE mutation_id = ?', [mutation.id])
  if (mutation.name === 'compensation.grant') {
    // The server's decision, not the one made here; without one (an older server) ours stays.
    db.run(
      `UPDATE compensations SET sync_state = 'synced', status = COALESCE(?, status),
         data = json_set(data, '$.status', COALESCE(?, status)) WHERE id = ?`,
      [compensation ?? null, compensation ?? null, mutation.args.id]
    )
  }
  db.run("UPDATE complaints SET sync_state = 'synced', reject_reason = NULL WHERE id = ?", [
    mutation.args.id
  ])
  db.run("UPDATE interactions SET sync_state = 'synced' WHERE id = ?", [mutation.args.id])
  db.run("UPDATE agent_states SET sync_state = 'synced' WHERE id = ?", [mutation.args.id])
  db.run("UPDATE dispositions SET sync_state = 'synced' WHERE id = ?", [mutation.args.id])
  db.run("UPDATE callbacks SET sync_state = 'synced' WHERE id = ?", [mutation.args.id])
  db.run("UPDATE whispers SET sync_state = 'synced' WHERE id = ?", [mutation.args.id])
  // The step is the server's now: folded into its version until that version is pulled.
  if (isEvaluationMutation(mutation)) evaluationApplied(db, mutation)
}

/**
 * The server refused it, or this build could not read it: both the outbox entry and the row keep
 * the reason the user sees, so the fix/discard of any rejection applies.
 */
export function markRejected(db: Database, entry: OutboxEntry, reason: AppError): void {
  db.run("UPDATE outbox SET state = 'rejected', last_error = ? WHERE mutation_id = ?", [
    JSON.stringify(reason),
    entry.id
  ])
  const rowId = createdId(entry.args)
  if (rowId === null) return
  db.run("UPDATE complaints SET sync_state = 'rejected', reject_reason = ? WHERE id = ?", [
    reason.message,
    rowId
  ])
  db.run("UPDATE interactions SET sync_state = 'rejected' WHERE id = ?", [rowId])
  db.run("UPDATE compensations SET sync_state = 'rejected', reject_reason = ? WHERE id = ?", [
    reason.message,
    rowId
  ])
  db.run("UPDATE agent_states SET sync_state = 'rejected' WHERE id = ?", [rowId])
  db.run("UPDATE dispositions SET sync_state = 'rejected' WHERE id = ?", [rowId])
  db.run("UPDATE callbacks SET sync_state = 'rejected' WHERE id = ?", [rowId])
  db.run("UPDATE whispers SET sync_state = 'rejected' WHERE id = ?", [rowId])
  // A refused evaluation step drops out: the server's state shows again (a refused new draft
  // stays, flagged rejected, until discarded).
  evaluationRefused(db, entry.id, rowId)
}

/** The id of the record a mutation's args create or name (`args.id`), when there is one. */
export function createdId(args: unknown): string | null {
  if (typeof args !== 'object' || args === null || !('id' in args)) return null
  return typeof args.id === 'string' ? args.id : null
}

/**
 * Queues an entry this build cannot read (a journal line from an older version) straight as
 * rejected, with its raw args, unless that mutation is already in the outbox.
 */
export function enqueueRejected(
  db: Database,
  entry: OutboxEntry & { name: string },
  reason: AppError
): boolean {
  if (queryOne(db, 'SELECT 1 AS found FROM outbox WHERE mutation_id = ?', [entry.id])) return false
  db.run(
    `INSERT INTO outbox (mutation_id, seq, name, args, state, last_error)
     VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), ?, ?, 'rejected', ?)`,
    [entry.id, entry.name, JSON.stringify(entry.args ?? null), JSON.stringify(reason)]
  )
  return true
}

/**
 * Removes a complaint the server rejected, with its outbox entry, when the agent discards it.
 * Returns false when it is not (or no longer) rejected: pending and synced work is never dropped.
 */
export function discardRejectedComplaint(db: Database, complaintId: string): boolean {
  const row = queryOne(
    db,
    `SELECT mutation_id FROM outbox WHERE state = 'rejected' AND name = 'complaint.create'
       AND json_extract(args, '$.id') = ?`,
    [complaintId]
  )
  if (!row) return false
  return discardRejectedEntry(db, asString(row['mutation_id'])) !== null
}

/**
 * The table of the record each mutation creates under its `args.id`: the rows `markRejected`
 * flags. Other mutations name a fresh id of their own (a step, a note), or no local row at all.
 */
const CREATED_ROWS: Partial<Record<string, string>> = {
  'complaint.create': 'complaints',
  'compensation.grant': 'compensations',
  'interaction.record': 'interactions',
  'agent_state.record': 'agent_states',
  'agent_state.force': 'agent_states',
  'disposition.record': 'dispositions',
  'callback.schedule': 'callbacks',
  'whisper.send': 'whispers'
}

/**
 * Discards one rejected outbox entry, once the agent has read why, with the local record it
 * created while that record is flagged rejected (a synced one is never removed). Answers the
 * entry's name, or null when it is not (or no longer) rejected: pending and stuck work stays.
 */
export function discardRejectedEntry(db: Database, mutationId: string): string | null {
  const row = queryOne(
    db,
    "SELECT name, args FROM outbox WHERE mutation_id = ? AND state = 'rejected'",
    [mutationId]
  )
  if (!row) return null
  const name = asString(row['name'])
  db.run('DELETE FROM outbox WHERE mutation_id = ?', [mutationId])
  const recordId = createdId(parseStoredArgs(asString(row['args'])))
  if (recordId === null) return name
  const table = CREATED_ROWS[name]
  if (table !== undefined) {
    db.run(`DELETE FROM ${table} WHERE id = ? AND sync_state = 'rejected'`, [recordId])
  } else if (name === 'callback.complete') {
    // The callback is someone's record, not this write's: a refused completion only reopens it,
    // as the server still has it, unless its own schedule is still queued here.
    db.run(
      `UPDATE callbacks SET status = 'open', data = json_set(data, '$.completedAt', NULL),
         sync_state = COALESCE((SELECT state FROM outbox WHERE name = 'callback.schedule'
           AND json_extract(args, '$.id') = ?1), 'synced')
       WHERE id = ?1 AND sync_state = 'rejected'`,
      [recordId]
    )
  } else if (isEvaluationMutationName(name)) {
    // A draft the server never had goes; otherwise the server's version shows again.
    evaluationDiscarded(db, recordId)
  } else if (name === 'whisper.acknowledge') {
    // The whisper is the lead's record: a refused acknowledgement only brings it back unseen.
    db.run(
      `UPDATE whispers SET acknowledged_at = NULL, sync_state = 'synced'
       WHERE id = ? AND sync_state = 'rejected'`,
      [recordId]
    )
  }
  return name
}

/** Stored args, or null when an older version left them unparseable (nothing to read then). */
export function parseStoredArgs(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
