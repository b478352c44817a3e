/**
 * The outbox: local mutations waiting for the server, in write order. Rejected ones stay, with
 * their reason, so nothing is dropped silently.
 */
import type { Database } from 'sql.js'

import type { AppError } from '../../../../shared/contract/errors'
import type { CompensationStatus } from '../../../../shared/domain/compensation-record'
import { mutationSchema, type Mutation } from '../../../../shared/sync/protocol'

import { asNumber, asString, queryAll, queryOne } from './sql'

/** Queues `mutation` after every other one; the caller's transaction also writes its row. */
export function enqueueMutation(db: Database, mutation: Mutation): void {
  db.run(
    `INSERT INTO outbox (mutation_id, seq, name, args, state, last_error)
     VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), ?, ?, 'pending', NULL)`,
    [mutation.id, mutation.name, JSON.stringify(mutation.args)]
  )
}

/** The oldest pending mutations, in the order they were written. */
export function pendingMutations(db: Database, limit: number): Mutation[] {
  const rows = queryAll(
    db,
    "SELECT mutation_id, name, args FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?",
    [limit]
  )
  const mutations: Mutation[] = []
  for (const row of rows) {
    const args: unknown = JSON.parse(asString(row['args']))
    const parsed = mutationSchema.safeParse({ id: row['mutation_id'], name: row['name'], args })
    if (parsed.success) mutations.push(parsed.data)
  }
  return mutations
}

export interface OutboxCounts {
  pending: number
  rejected: number
}

export function outboxCounts(db: Database): OutboxCounts {
  const row = queryOne(
    db,
    `SELECT COALESCE(SUM(state = 'pending'), 0) AS pending,
            COALESCE(SUM(state = 'rejected'), 0) AS rejected FROM outbox`
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
}

/** The server refused it: both the outbox entry and the row keep the reason the user sees. */
export function markRejected(db: Database, mutation: Mutation, reason: AppError): void {
  db.run("UPDATE outbox SET state = 'rejected', last_error = ? WHERE mutation_id = ?", [
    JSON.stringify(reason),
    mutation.id
  ])
  db.run("UPDATE complaints SET sync_state = 'rejected', reject_reason = ? WHERE id = ?", [
    reason.message,
    mutation.args.id
  ])
  db.run("UPDATE interactions SET sync_state = 'rejected' WHERE id = ?", [mutation.args.id])
  db.run("UPDATE compensations SET sync_state = 'rejected', reject_reason = ? WHERE id = ?", [
    reason.message,
    mutation.args.id
  ])
  db.run("UPDATE agent_states SET sync_state = 'rejected' WHERE id = ?", [mutation.args.id])
  db.run("UPDATE dispositions SET sync_state = 'rejected' WHERE id = ?", [mutation.args.id])
  db.run("UPDATE callbacks SET sync_state = 'rejected' WHERE id = ?", [mutation.args.id])
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
  db.run('DELETE FROM outbox WHERE mutation_id = ?', [asString(row['mutation_id'])])
  db.run("DELETE FROM complaints WHERE id = ? AND sync_state = 'rejected'", [complaintId])
  return true
}
