/** Reading a callback back as the change log sends it (whole, on every change). */
import type { Callback } from '@shared/domain/callback'
import type { Queryable } from '../db/db'

interface CallbackRow {
  id: string
  customer_id: string | null
  contact_name: string
  phone_e164: string
  due_at: Date
  note: string
  assignee_id: string
  practice: boolean
  call_id: string | null
  created_at: Date
  created_by: string
  team_id: string | null
  status: 'open' | 'done'
  completed_at: Date | null
  completed_by: string | null
}

function toCallback(r: CallbackRow): Callback {
  return {
    id: r.id,
    customerId: r.customer_id,
    contactName: r.contact_name,
    phoneE164: r.phone_e164,
    dueAt: r.due_at.toISOString(),
    note: r.note,
    assigneeId: r.assignee_id,
    practice: r.practice,
    callId: r.call_id,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
    teamId: r.team_id,
    status: r.status,
    completedAt: r.completed_at?.toISOString() ?? null,
    completedBy: r.completed_by
  }
}

export async function readCallback(tx: Queryable, id: string): Promise<Callback | null> {
  const rows = await tx.query<CallbackRow>('SELECT * FROM callbacks WHERE id = $1', [id])
  const row = rows[0]
  return row ? toCallback(row) : null
}
