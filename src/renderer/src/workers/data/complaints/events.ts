/**
 * A complaint's timeline in the local store: the server's events as pulled, plus what this user
 * did that the server has not acknowledged yet (queued steps, grants, decisions), in time order.
 */
import type { Database } from 'sql.js'

import type { TimelineEntry } from '@shared/contract/worker'
import {
  complaintEventSchema,
  complaintNoteArgsSchema,
  type ComplaintEvent
} from '@shared/domain/complaint-event'
import { lifecycleActions } from '@shared/domain/complaint-lifecycle'
import {
  complaintAssignArgsSchema,
  complaintEscalateArgsSchema
} from '@shared/domain/complaint-ownership'
import { complaintUpdateArgsSchema } from '@shared/domain/complaint-edit'
import { complaintTransitionArgsSchema } from '@shared/domain/complaint-transition'
import { compensationDecideArgsSchema } from '@shared/domain/compensation-record'
import type { MutationOf } from '@shared/sync/protocol'

import { enqueueMutation } from '../sync/outbox'

import { asNullableString, asString, queryAll, queryOne } from '../store/sql'

/** A note is only queued: it shows in the timeline from the outbox until the server's event. */
export function applyLocalComplaintNote(
  db: Database,
  mutation: MutationOf<'complaint.note'>
): void {
  enqueueMutation(db, mutation)
}

export function isComplaintNoteQueued(db: Database, mutationId: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM outbox WHERE mutation_id = ?', [mutationId]) !== null
}

export function upsertServerComplaintEvent(db: Database, e: ComplaintEvent): void {
  db.run(
    `INSERT INTO complaint_events (id, complaint_id, at, data) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET complaint_id = excluded.complaint_id, at = excluded.at,
       data = excluded.data`,
    [e.id, e.complaintId, e.at, JSON.stringify(e)]
  )
}

function serverEvents(db: Database, complaintId: string): TimelineEntry[] {
  const rows = queryAll(
    db,
    'SELECT data FROM complaint_events WHERE complaint_id = ? ORDER BY at, id',
    [complaintId]
  )
  return rows.flatMap((row) => {
    const parsed = complaintEventSchema.safeParse(JSON.parse(asString(row['data'])))
    if (!parsed.success) return []
    const e = parsed.data
    return [
      {
        id: e.id,
        action: e.action,
        actorId: e.actorId,
        at: e.at,
        note: e.note,
        toStatus: lifecycleActions.some((a) => a === e.action) ? e.toStatus : null,
        compensationId: e.compensationId,
        assigneeId: e.assigneeId,
        fields: e.fields,
        pending: false
      }
    ]
  })
}

/** A timeline entry for a write still in this user's outbox: by this user, not yet numbered. */
function pendingEntry(
  entry: Pick<TimelineEntry, 'id' | 'action' | 'at'> & Partial<TimelineEntry>
): TimelineEntry {
  return {
    actorId: null,
    note: null,
    toStatus: null,
    compensationId: null,
    assigneeId: null,
    fields: [],
    ...entry,
    pending: true
  }
}

/** This user's steps, notes and decisions still in the outbox (refused ones are not history). */
function queuedEvents(db: Database, complaintId: string): TimelineEntry[] {
  const rows = queryAll(
    db,
    `SELECT name, args FROM outbox WHERE state = 'pending'
       AND name IN ('complaint.transition', 'complaint.note', 'compensation.decide',
                    'complaint.escalate', 'complaint.assign', 'complaint.update')
     ORDER BY seq`
  )
  const compensationsHere = new Set(
    queryAll(db, 'SELECT id FROM compensations WHERE complaint_id = ?', [complaintId]).map((r) =>
      asString(r['id'])
    )
  )
  const entries: TimelineEntry[] = []
  for (const row of rows) {
    const args: unknown = JSON.parse(asString(row['args']))
    if (row['name'] === 'complaint.transition') {
      const step = complaintTransitionArgsSchema.safeParse(args)
      if (!step.success || step.data.complaintId !== complaintId) continue
      entries.push(
        pendingEntry({
          id: step.data.id,
          action: step.data.action,
          at: step.data.at,
          note: step.data.note
        })
      )
      continue
    }
    if (row['name'] === 'complaint.escalate') {
      const escalation = complaintEscalateArgsSchema.safeParse(args)
      if (!escalation.success || escalation.data.complaintId !== complaintId) continue
      entries.push(
        pendingEntry({
          id: escalation.data.id,
          action: 'escalated',
          at: escalation.data.at,
          note: escalation.data.reason
        })
      )
      continue
    }
    if (row['name'] === 'complaint.assign') {
      const assignment = complaintAssignArgsSchema.safeParse(args)
      if (!assignment.success || assignment.data.complaintId !== complaintId) continue
      entries.push(
        pendingEntry({
          id: assignment.data.id,
          // Assigned, reassigned or taken: the server names it; here it is an assignment.
          action: 'assigned',
          at: assignment.data.at,
          assigneeId: assignment.data.assigneeId
        })
      )
      continue
    }
    if (row['name'] === 'complaint.update') {
      const edit = complaintUpdateArgsSchema.safeParse(args)
      if (!edit.success || edit.data.complaintId !== complaintId) continue
      entries.push(
        pendingEntry({
          id: edit.data.id,
          action: 'edited',
          at: edit.data.at,
          fields: edit.data.edits.map((e) => e.field)
        })
      )
      continue
    }
    if (row['name'] === 'complaint.note') {
      const note = complaintNoteArgsSchema.safeParse(args)
      if (!note.success || note.data.complaintId !== complaintId) continue
      entries.push(
        pendingEntry({
          id: note.data.id,
          action: 'note',
          at: note.data.at,
          note: note.data.note
        })
      )
      continue
    }
    const decision = compensationDecideArgsSchema.safeParse(args)
    if (!decision.success || !compensationsHere.has(decision.data.compensationId)) continue
    entries.push(
      pendingEntry({
        id: decision.data.id,
        action:
          decision.data.decision === 'approve' ? 'compensation_approved' : 'compensation_rejected',
        at: decision.data.at,
        note: decision.data.reason === '' ? null : decision.data.reason,
        compensationId: decision.data.compensationId
      })
    )
  }
  return entries
}

/** Grants written here that the server has not answered yet. */
function unsyncedGrants(db: Database, complaintId: string): TimelineEntry[] {
  const rows = queryAll(
    db,
    `SELECT id, status, requested_at, json_extract(data, '$.reason') AS reason
     FROM compensations WHERE complaint_id = ? AND sync_state = 'pending'
     ORDER BY requested_at, rowid`,
    [complaintId]
  )
  return rows.map((r) =>
    pendingEntry({
      id: asString(r['id']),
      action: r['status'] === 'granted' ? 'compensation_granted' : 'compensation_requested',
      at: asString(r['requested_at']),
      note: asNullableString(r['reason']),
      compensationId: asString(r['id'])
    })
  )
}

/** The whole timeline of one complaint, oldest first; empty when it is not in the store. */
export function complaintTimeline(db: Database, complaintId: string): TimelineEntry[] {
  const complaint = queryOne(db, 'SELECT created_at, agent_id FROM complaints WHERE id = ?', [
    complaintId
  ])
  if (!complaint) return []
  const created: TimelineEntry = {
    id: `${complaintId}:created`,
    action: 'created',
    actorId: asNullableString(complaint['agent_id']),
    at: asString(complaint['created_at']),
    note: null,
    toStatus: 'open',
    compensationId: null,
    assigneeId: null,
    fields: [],
    pending: false
  }
  const known = serverEvents(db, complaintId)
  const seen = new Set(known.map((e) => e.id))
  const local = [...queuedEvents(db, complaintId), ...unsyncedGrants(db, complaintId)].filter(
    (e) => !seen.has(e.id)
  )
  // ISO instants in UTC: text order is time order; the creation always comes first.
  const rest = [...known, ...local].sort((a, b) =>
    a.at === b.at ? 0 : Date.parse(a.at) - Date.parse(b.at)
  )
  return [created, ...rest]
}
