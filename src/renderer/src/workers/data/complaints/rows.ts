/**
 * The local view of complaints: optimistic rows written by this agent, rebased onto the
 * server's authoritative rows when they arrive in a pull.
 */
import type { Database } from 'sql.js'

import type { LocalComplaint, LocalSyncState } from '@shared/contract/worker'
import { complaintFilterSchema, type ComplaintFilter } from '@shared/domain/complaint-filter'
import { complaintDueAt, type Complaint } from '@shared/domain/complaint'
import { valueTiers } from '@shared/domain/customer'
import { foldForSearch } from '@shared/domain/text'
import type { MutationOf } from '@shared/sync/protocol'

import { localOwnership } from './ownership'
import { conflictsByComplaint } from './conflicts'
import { editRefusals, reapplyQueuedEdits } from './edits'
import { complaintSearchText, detailsJson, toDetails, toPracticeMark } from './codec'
import { localLifecycles } from './transitions'
import { customerTierSql } from '../customers/codec'
import { asNullableString, asString, queryAll, queryOne, type Row } from '../store/sql'

const syncStates: readonly LocalSyncState[] = ['pending', 'synced', 'rejected']

function toSyncState(value: string): LocalSyncState {
  return syncStates.find((s) => s === value) ?? 'pending'
}

function toLocalComplaint(row: Row): LocalComplaint {
  return {
    id: asString(row['id']),
    caseNumber: asNullableString(row['case_number']),
    customerId: asNullableString(row['customer_id']),
    callId: asNullableString(row['call_id']),
    category: asString(row['category']),
    description: asString(row['description']),
    ...toDetails(asString(row['severity']), asString(row['details'])),
    ...toPracticeMark(asString(row['details'])),
    dueAt: asNullableString(row['due_at']),
    createdAt: asString(row['created_at']),
    status: asString(row['status']),
    syncState: toSyncState(asString(row['sync_state'])),
    rejectReason: asNullableString(row['reject_reason']),
    agentId: asNullableString(row['agent_id']),
    transitionPending: false,
    transitionRefused: null,
    assigneeId: asNullableString(row['assignee_id']),
    escalatedAt: asNullableString(row['escalated_at']),
    escalationReason: asNullableString(row['escalation_reason']),
    teamId: asNullableString(row['team_id']),
    editConflicts: [],
    editRefused: null
  }
}

/** The complaints as this client sees them: the server's row plus its own queued steps. */
function withLocalLifecycle(db: Database, complaints: LocalComplaint[]): LocalComplaint[] {
  const lifecycles = localLifecycles(db, new Map(complaints.map((c) => [c.id, c.status])))
  const ownership = localOwnership(db)
  const conflicts = conflictsByComplaint(
    db,
    complaints.map((c) => c.id)
  )
  const refusals = editRefusals(db)
  return complaints.map((c) => {
    const local = lifecycles.get(c.id)
    const stepped = local
      ? {
          ...c,
          status: local.status,
          transitionPending: local.pending,
          transitionRefused: local.refusedReason
        }
      : c
    const owned = ownership.get(c.id)
    const withOwner = owned
      ? {
          ...stepped,
          assigneeId: owned.assigneeId ?? stepped.assigneeId,
          escalatedAt: owned.escalatedAt ?? stepped.escalatedAt,
          escalationReason: owned.escalationReason ?? stepped.escalationReason,
          transitionPending: stepped.transitionPending || owned.pending,
          transitionRefused: owned.refusedReason ?? stepped.transitionRefused
        }
      : stepped
    return {
      ...withOwner,
      editConflicts: conflicts.get(c.id) ?? [],
      editRefused: refusals.get(c.id) ?? null
    }
  })
}

export function hasComplaint(db: Database, id: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM complaints WHERE id = ?', [id]) !== null
}

export function getComplaint(db: Database, id: string): LocalComplaint | null {
  const row = queryOne(db, 'SELECT * FROM complaints WHERE id = ?', [id])
  return row ? (withLocalLifecycle(db, [toLocalComplaint(row)])[0] ?? null) : null
}

/** Complaints with a lifecycle step still queued here: their shown status may differ. */
const STEPPED_HERE = `id IN (SELECT json_extract(args, '$.complaintId') FROM outbox
  WHERE name = 'complaint.transition' AND state = 'pending')`

const BREACH_STATUSES = ['open', 'in_progress', 'awaiting_customer']

/** An unanswered escalation (the server's, or one queued here) puts the case at the top. */
const ESCALATION_OPEN = `(status IN ('open', 'in_progress', 'awaiting_customer') AND
  (escalated_at IS NOT NULL OR id IN (SELECT json_extract(args, '$.complaintId') FROM outbox
     WHERE name = 'complaint.escalate' AND state = 'pending')))`

/**
 * Newest first, for one customer or for everyone, narrowed by `filter`. Status and breach are
 * judged on the status shown (the server's with this client's queued steps laid over it).
 */
export function listComplaints(
  db: Database,
  customerId: string | null,
  limit: number,
  filter: ComplaintFilter = complaintFilterSchema.parse({}),
  now: Date = new Date()
): LocalComplaint[] {
  const where: string[] = []
  const params: (string | number)[] = []
  if (customerId !== null) {
    where.push('customer_id = ?')
    params.push(customerId)
  }
  if (filter.agentId !== null) {
    // The owner: the assignee, else whoever filed it (no agent yet: written here, so mine).
    where.push(`(COALESCE(assignee_id, agent_id) IS NULL OR COALESCE(assignee_id, agent_id) = ?
      OR id IN (SELECT json_extract(args, '$.complaintId') FROM outbox
                WHERE name = 'complaint.assign' AND state = 'pending'
                  AND json_extract(args, '$.assigneeId') = ?))`)
    params.push(filter.agentId, filter.agentId)
  }
  if (filter.callId !== null) {
    where.push('call_id = ?')
    params.push(filter.callId)
  }
  if (filter.severity !== null) {
    where.push('severity = ?')
    params.push(filter.severity)
  }
  if (filter.status !== null) {
    where.push(`(status = ? OR ${STEPPED_HERE})`)
    params.push(filter.status)
  }
  if (filter.category !== null) {
    where.push('category = ?')
    params.push(filter.category)
  }
  if (filter.channel !== null) {
    where.push(`json_extract(details, '$.channel') = ?`)
    params.push(filter.channel)
  }
  if (filter.tier !== null) {
    // The customer's tier from the cache, looked up by the unique id index per complaint.
    where.push(
      `(SELECT ${customerTierSql('cu')} FROM customers cu WHERE cu.id = complaints.customer_id)
       IN (?, ?)`
    )
    params.push(valueTiers.indexOf(filter.tier), filter.tier)
  }
  const search = foldForSearch(filter.search)
  if (search !== '') {
    where.push(
      `(instr(search_folded, ?) > 0 OR instr(COALESCE((SELECT cu.name_folded FROM customers cu
         WHERE cu.id = complaints.customer_id), ''), ?) > 0)`
    )
    params.push(search, search)
  }
  if (filter.breachedOnly) {
    // Both sides are ISO instants in UTC, so text order is time order.
    where.push(
      `due_at IS NOT NULL AND due_at <= ?
       AND (status IN ('open', 'in_progress', 'awaiting_customer') OR ${STEPPED_HERE})`
    )
    params.push(now.toISOString())
  }
  const rows = queryAll(
    db,
    `SELECT * FROM complaints ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${ESCALATION_OPEN} DESC, created_at DESC, id LIMIT ?`,
    [...params, limit]
  )
  return withLocalLifecycle(db, rows.map(toLocalComplaint)).filter(
    (c) =>
      (filter.status === null || c.status === filter.status) &&
      (!filter.breachedOnly || BREACH_STATUSES.includes(c.status))
  )
}

/**
 * Applies a local mutation: the optimistic row and its outbox entry. The caller wraps it in a
 * transaction so both exist or neither does.
 */
export function applyLocalMutation(db: Database, mutation: MutationOf<'complaint.create'>): void {
  const a = mutation.args
  db.run(
    `INSERT INTO complaints (id, case_number, customer_id, call_id, category, description,
       created_at, status, sync_state, reject_reason, severity, due_at, details, search_folded)
     VALUES (?, NULL, ?, ?, ?, ?, ?, 'open', 'pending', NULL, ?, ?, ?, ?)`,
    [
      a.id,
      a.customerId,
      a.callId,
      a.category,
      a.description,
      a.createdAt,
      a.severity,
      complaintDueAt(a.createdAt, a.severity),
      detailsJson(a),
      complaintSearchText(null, a.description)
    ]
  )
  db.run(
    `INSERT INTO outbox (mutation_id, seq, name, args, state, last_error)
     VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), ?, ?, 'pending', NULL)`,
    [mutation.id, mutation.name, JSON.stringify(mutation.args)]
  )
}

/**
 * Rebase: the server's row replaces the optimistic one. An outbox entry still waiting for its
 * acknowledgement stays in the outbox (the push result removes it).
 */
export function upsertServerComplaint(db: Database, c: Complaint): void {
  db.run(
    `INSERT INTO complaints (id, case_number, customer_id, call_id, category, description,
       created_at, status, sync_state, reject_reason, severity, due_at, details, agent_id,
       assignee_id, escalated_at, escalation_reason, team_id, search_folded)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'synced', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET case_number = excluded.case_number,
       customer_id = excluded.customer_id, call_id = excluded.call_id,
       category = excluded.category, description = excluded.description,
       created_at = excluded.created_at, status = excluded.status,
       sync_state = 'synced', reject_reason = NULL, severity = excluded.severity,
       due_at = excluded.due_at, details = excluded.details, agent_id = excluded.agent_id,
       assignee_id = excluded.assignee_id, escalated_at = excluded.escalated_at,
       escalation_reason = excluded.escalation_reason, team_id = excluded.team_id,
       search_folded = excluded.search_folded`,
    [
      c.id,
      c.caseNumber,
      c.customerId,
      c.callId,
      c.category,
      c.description,
      c.createdAt,
      c.status,
      c.severity,
      c.dueAt,
      detailsJson(c),
      c.agentId,
      c.assigneeId,
      c.escalatedAt,
      c.escalationReason,
      c.teamId,
      complaintSearchText(c.caseNumber, c.description)
    ]
  )
  // Rebase: this user's edits still on their way stay on top of the server's row.
  reapplyQueuedEdits(db, c.id)
}
