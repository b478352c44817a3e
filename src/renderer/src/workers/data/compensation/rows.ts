/**
 * Compensations in the local store: this agent's grants (optimistic until the server decides
 * again), the team's rows pulled from the server, and a lead's queued decisions laid over them.
 */
import type { Database } from 'sql.js'
import { z } from 'zod'

import type { LocalCompensation, LocalSyncState } from '@shared/contract/worker'
import {
  compensationDecideArgsSchema,
  compensationSchema,
  type Compensation,
  type CompensationStatus
} from '@shared/domain/compensation-record'
import { fullName, valueTiers } from '@shared/domain/customer'
import type { MutationOf } from '@shared/sync/protocol'

import { toPracticeMark } from '../complaints/codec'
import { getCustomer } from '../customers/queries'
import { enqueueMutation } from '../sync/outbox'
import { asNullableString, asString, queryAll, queryOne, type Row } from '../store/sql'

/** The row as stored: the server's, or one written here without what only the server knows. */
const storedSchema = compensationSchema.extend({
  customerId: z.uuid().nullable(),
  tier: z.enum(valueTiers).nullable(),
  requestedBy: z.uuid().nullable()
})
type StoredCompensation = z.infer<typeof storedSchema>

const syncStates: readonly LocalSyncState[] = ['pending', 'synced', 'rejected']

export function hasCompensation(db: Database, id: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM compensations WHERE id = ?', [id]) !== null
}

export function isCompensationDecisionQueued(db: Database, mutationId: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM outbox WHERE mutation_id = ?', [mutationId]) !== null
}

/** The optimistic grant, as decided here (`expected`), and its outbox entry. */
export function applyLocalCompensationGrant(
  db: Database,
  mutation: MutationOf<'compensation.grant'>
): void {
  const a = mutation.args
  const complaint = queryOne(db, 'SELECT customer_id, details FROM complaints WHERE id = ?', [
    a.complaintId
  ])
  const customerId = asNullableString(complaint?.['customer_id'])
  const customer = customerId === null ? null : getCustomer(db, customerId)
  // A compensation follows its complaint: practice on a practice complaint.
  const mark = toPracticeMark(asNullableString(complaint?.['details']) ?? '{}')
  const stored: StoredCompensation = {
    id: a.id,
    complaintId: a.complaintId,
    customerId,
    ...mark,
    teamId: null,
    type: a.type,
    amount: a.amount,
    currency: a.currency,
    reason: a.reason,
    tier: customer?.tier ?? null,
    status: a.expected,
    approvalReason: null,
    requestedBy: null,
    requestedAt: a.at,
    decidedBy: null,
    decidedAt: null,
    decisionReason: null
  }
  db.run(
    `INSERT INTO compensations (id, complaint_id, status, requested_at, data, sync_state)
     VALUES (?, ?, ?, ?, ?, 'pending')`,
    [a.id, a.complaintId, a.expected, a.at, JSON.stringify(stored)]
  )
  enqueueMutation(db, mutation)
}

/** A lead's decision is only queued: it is laid over the row when read. */
export function applyLocalCompensationDecide(
  db: Database,
  mutation: MutationOf<'compensation.decide'>
): void {
  enqueueMutation(db, mutation)
}

/** Rebase: the server's row replaces the local one. */
export function upsertServerCompensation(db: Database, c: Compensation): void {
  db.run(
    `INSERT INTO compensations (id, complaint_id, status, requested_at, data, sync_state)
     VALUES (?, ?, ?, ?, ?, 'synced')
     ON CONFLICT(id) DO UPDATE SET complaint_id = excluded.complaint_id,
       status = excluded.status, requested_at = excluded.requested_at, data = excluded.data,
       sync_state = 'synced', reject_reason = NULL`,
    [c.id, c.complaintId, c.status, c.requestedAt, JSON.stringify(c)]
  )
}

function reasonOf(lastError: string): string {
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

interface QueuedDecision {
  status: CompensationStatus
  reason: string
  at: string
  state: 'pending' | 'rejected'
  lastError: string | null
}

/** The decisions taken here, the latest per compensation. */
function queuedDecisions(db: Database): Map<string, QueuedDecision> {
  const rows = queryAll(
    db,
    "SELECT args, state, last_error FROM outbox WHERE name = 'compensation.decide' ORDER BY seq"
  )
  const decisions = new Map<string, QueuedDecision>()
  for (const row of rows) {
    const parsed = compensationDecideArgsSchema.safeParse(JSON.parse(asString(row['args'])))
    if (!parsed.success) continue
    decisions.set(parsed.data.compensationId, {
      status: parsed.data.decision === 'approve' ? 'approved' : 'rejected',
      reason: parsed.data.reason,
      at: parsed.data.at,
      state: row['state'] === 'rejected' ? 'rejected' : 'pending',
      lastError: asNullableString(row['last_error'])
    })
  }
  return decisions
}

function toLocal(
  db: Database,
  row: Row,
  decisions: ReadonlyMap<string, QueuedDecision>
): LocalCompensation | null {
  const parsed = storedSchema.safeParse(JSON.parse(asString(row['data'])))
  if (!parsed.success) return null
  const stored = parsed.data
  const status = compensationSchema.shape.status.safeParse(row['status'])
  const customer = stored.customerId === null ? null : getCustomer(db, stored.customerId)
  const local: LocalCompensation = {
    ...stored,
    status: status.success ? status.data : stored.status,
    customerName: customer ? fullName(customer) : null,
    syncState: syncStates.find((s) => s === row['sync_state']) ?? 'pending',
    decisionPending: false,
    refusedReason: asNullableString(row['reject_reason'])
  }
  const decision = decisions.get(stored.id)
  if (decision?.state === 'rejected') {
    local.refusedReason = reasonOf(decision.lastError ?? '')
  } else if (decision && local.status === 'pending') {
    local.status = decision.status
    local.decidedAt = decision.at
    local.decisionReason = decision.reason === '' ? null : decision.reason
    local.decisionPending = true
  }
  return local
}

export function getCompensation(db: Database, id: string): LocalCompensation | null {
  const row = queryOne(db, 'SELECT * FROM compensations WHERE id = ?', [id])
  return row ? toLocal(db, row, queuedDecisions(db)) : null
}

/**
 * One complaint's compensations, or the ones whose shown status is `status`, newest first.
 * A request decided here no longer shows as pending.
 */
export function listCompensations(
  db: Database,
  query: { complaintId: string | null; status: CompensationStatus | null; limit: number }
): LocalCompensation[] {
  const where: string[] = []
  const params: string[] = []
  if (query.complaintId !== null) {
    where.push('complaint_id = ?')
    params.push(query.complaintId)
  }
  if (query.status !== null) {
    where.push('status = ?')
    params.push(query.status)
  }
  const rows = queryAll(
    db,
    `SELECT * FROM compensations ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY requested_at DESC, id LIMIT ?`,
    [...params, query.limit]
  )
  const decisions = queuedDecisions(db)
  return rows
    .flatMap((row) => toLocal(db, row, decisions) ?? [])
    .filter((c) => query.status === null || c.status === query.status)
}

/**
 * What counts against the caps here, from the cache: this user's own grants since `since`
 * (rows written here have no requester yet), and what the customer received (granted or
 * approved). Only what this client has seen: the server counts everything.
 */
export function grantedTodayHere(
  db: Database,
  who: { userId: string; partyId: string; practice: boolean; currency: string; since: string }
): { byAgent: number; toCustomer: number } {
  const rows = queryAll(
    db,
    `SELECT data, status FROM compensations WHERE requested_at >= ?
       AND status IN ('granted', 'approved')`,
    [who.since]
  )
  let byAgent = 0
  let toCustomer = 0
  for (const row of rows) {
    const parsed = storedSchema.safeParse(JSON.parse(asString(row['data'])))
    if (!parsed.success || parsed.data.currency !== who.currency) continue
    const c = parsed.data
    // Practice and production are counted apart, as on the server.
    if (c.practice !== who.practice) continue
    const mine = c.requestedBy === null || c.requestedBy === who.userId
    if (mine && row['status'] === 'granted') byAgent += c.amount
    const party = who.practice ? c.personaId : c.customerId
    if (party === who.partyId) toCustomer += c.amount
  }
  return { byAgent, toCustomer }
}
