/**
 * Failed answers from the server, counted per outbox entry. Only an answer counts (an outage
 * says nothing about the record), so being offline never makes a record stuck. After
 * `MAX_PUSH_ATTEMPTS` the entry is stuck: shown with its reason, left out of pushes (see
 * outbox-batch.ts) until the user asks to sync again.
 */
import type { Database } from 'sql.js'

import { appError, type AppError } from '@shared/contract/errors'
import { mutationRejectionSchema } from '@shared/sync/protocol'

import { MAX_PUSH_ATTEMPTS } from './outbox'
import { asNullableString, asNumber, queryOne } from '../store/sql'

/** Counts one failed answer for `mutationId` (one statement); true when that made it stuck. */
export function recordFailedAttempt(db: Database, mutationId: string, reason: AppError): boolean {
  db.run(
    `UPDATE outbox SET attempts = attempts + 1, last_error = ?
     WHERE mutation_id = ? AND state = 'pending'`,
    [JSON.stringify(reason), mutationId]
  )
  const row = queryOne(db, 'SELECT attempts FROM outbox WHERE mutation_id = ?', [mutationId])
  return row !== null && asNumber(row['attempts']) >= MAX_PUSH_ATTEMPTS
}

export interface StuckSummary {
  count: number
  /** Why the oldest stuck entry failed, as the server last answered. */
  reason: AppError | null
}

export function stuckSummary(db: Database): StuckSummary {
  const row = queryOne(
    db,
    `SELECT COUNT(*) AS n,
       (SELECT last_error FROM outbox WHERE state = 'pending' AND attempts >= ?1
        ORDER BY seq LIMIT 1) AS reason
     FROM outbox WHERE state = 'pending' AND attempts >= ?1`,
    [MAX_PUSH_ATTEMPTS]
  )
  const count = asNumber(row?.['n'])
  const stored = asNullableString(row?.['reason'])
  return { count, reason: count > 0 && stored !== null ? reasonFrom(stored) : null }
}

/** The user asked to sync: every stuck entry is pending again, its count started afresh. */
export function releaseStuck(db: Database): number {
  db.run("UPDATE outbox SET attempts = 0 WHERE state = 'pending' AND attempts >= ?", [
    MAX_PUSH_ATTEMPTS
  ])
  return db.getRowsModified()
}

function reasonFrom(stored: string): AppError {
  try {
    const parsed = mutationRejectionSchema.safeParse(JSON.parse(stored))
    if (parsed.success) return parsed.data
  } catch {
    // Not JSON: the text itself is the reason.
  }
  return appError('internal', stored)
}
