/**
 * Writing a complaint's timeline: one row per event, and the change that takes it to every
 * client of the case's team (the complaint detail shows it in order, with who and when).
 */
import { complaintEventSchema, type ComplaintEventAction } from '@shared/domain/complaint-event'
import type { EditableComplaintField } from '@shared/domain/complaint-edit'
import type { Queryable } from '../db/db'
import type { NewChange } from '../sync/change-log'

export interface NewComplaintEvent {
  id: string
  complaintId: string
  /** Where the change goes: the case's own scope (`markedScope`), practice included. */
  scope: { teamId: string | null; userId: string | null }
  action: ComplaintEventAction
  fromStatus: string
  toStatus: string
  note: string | null
  actorId: string
  at: string
  compensationId?: string | null
  assigneeId?: string | null
  /** Edits: the fields changed. */
  fields?: readonly EditableComplaintField[]
}

/** Inserts the event inside the caller's transaction and returns its change. */
export async function recordComplaintEvent(
  tx: Queryable,
  event: NewComplaintEvent
): Promise<NewChange> {
  const compensationId = event.compensationId ?? null
  const assigneeId = event.assigneeId ?? null
  const fields = event.fields ?? []
  await tx.query(
    `INSERT INTO complaint_events (id, complaint_id, action, from_status, to_status, note,
                                   actor_id, at, compensation_id, assignee_id, fields)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)`,
    [
      event.id,
      event.complaintId,
      event.action,
      event.fromStatus,
      event.toStatus,
      event.note,
      event.actorId,
      event.at,
      compensationId,
      assigneeId,
      fields.length === 0 ? null : JSON.stringify(fields)
    ]
  )
  const data = complaintEventSchema.parse({
    id: event.id,
    complaintId: event.complaintId,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    note: event.note,
    actorId: event.actorId,
    at: new Date(event.at).toISOString(),
    compensationId,
    assigneeId,
    fields
  })
  return { entity: 'complaint_event', entityId: event.id, ...event.scope, data }
}
