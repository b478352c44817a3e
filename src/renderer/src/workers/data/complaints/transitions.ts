/**
 * Lifecycle steps taken on this client: queued in the outbox and laid over the server's status
 * until the server answers. A refused step then simply stops counting (the status falls back to
 * the server's) and its reason shows on the case.
 */
import type { Database } from 'sql.js'

import {
  lifecycleStatuses,
  lifecycleTransition,
  type LifecycleStatus
} from '@shared/domain/complaint-lifecycle'
import { complaintTransitionArgsSchema } from '@shared/domain/complaint-transition'
import type { MutationOf } from '@shared/sync/protocol'

import { enqueueMutation } from '../sync/outbox'
import { asString, queryAll, queryOne } from '../store/sql'

export function isComplaintTransitionQueued(db: Database, mutationId: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM outbox WHERE mutation_id = ?', [mutationId]) !== null
}

export function applyLocalComplaintTransition(
  db: Database,
  mutation: MutationOf<'complaint.transition'>
): void {
  enqueueMutation(db, mutation)
}

/** What this client's steps make of each complaint it stepped. */
export interface LocalLifecycle {
  status: LifecycleStatus
  pending: boolean
  refusedReason: string | null
}

/** The message of a refusal stored in the outbox. */
export function reasonOf(lastError: string): string {
  try {
    const parsed: unknown = JSON.parse(lastError)
    if (typeof parsed === 'object' && parsed !== null && 'message' in parsed) {
      return String(parsed.message)
    }
  } catch {
    // An unreadable reason is still a refusal.
  }
  return lastError
}

/**
 * Lays the queued steps over each complaint's server status, in the order they were taken; a
 * step the status does not allow any more (someone else moved the case) is left to the server.
 * The last refusal, if newer than any step still pending, is reported.
 */
export function localLifecycles(
  db: Database,
  serverStatus: ReadonlyMap<string, string>
): Map<string, LocalLifecycle> {
  const rows = queryAll(
    db,
    `SELECT args, state, last_error FROM outbox WHERE name = 'complaint.transition'
     ORDER BY seq`
  )
  const result = new Map<string, LocalLifecycle>()
  for (const row of rows) {
    const parsed = complaintTransitionArgsSchema.safeParse(JSON.parse(asString(row['args'])))
    if (!parsed.success) continue
    const { complaintId, action } = parsed.data
    const server = serverStatus.get(complaintId)
    if (server === undefined) continue
    const current = result.get(complaintId) ?? {
      status: lifecycleStatuses.find((s) => s === server) ?? 'open',
      pending: false,
      refusedReason: null
    }
    if (row['state'] === 'rejected') {
      current.refusedReason = reasonOf(asString(row['last_error']))
    } else {
      // Roles were checked when the step was taken; here only the order of statuses matters.
      const step = lifecycleTransition(current.status, action, 'admin')
      if (step.ok) current.status = step.to
      current.pending = true
      current.refusedReason = null
    }
    result.set(complaintId, current)
  }
  return result
}

/** Steps on a case whose refusal shows on it until the user has read why. */
const REFUSABLE_STEPS = `name IN ('complaint.transition', 'complaint.escalate', 'complaint.assign')`

/**
 * Drops the refused steps of a complaint (lifecycle, escalation, assignment) once the user has
 * read why (the case keeps the server's state). Returns whether one was dropped.
 */
export function discardRefusedTransitions(db: Database, complaintId: string): boolean {
  const found = queryOne(
    db,
    `SELECT COUNT(*) AS n FROM outbox WHERE ${REFUSABLE_STEPS} AND state = 'rejected'
       AND json_extract(args, '$.complaintId') = ?`,
    [complaintId]
  )
  if (!found || found['n'] === 0) return false
  db.run(
    `DELETE FROM outbox WHERE ${REFUSABLE_STEPS} AND state = 'rejected'
       AND json_extract(args, '$.complaintId') = ?`,
    [complaintId]
  )
  return true
}
