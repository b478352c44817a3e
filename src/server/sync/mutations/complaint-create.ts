/**
 * `complaint.create`: files a complaint written on the client. The author and team come from
 * the access token, never from the body; the server numbers the case.
 */
import type { Complaint, ComplaintCreateArgs } from '../../../shared/domain/complaint'
import type { AccessClaims } from '../../auth/access-tokens'
import type { Queryable } from '../../db/db'
import { rejected, type MutationOutcome } from './mutation-outcome'

/** `QR-000123`; wider numbers keep every digit. */
export function formatCaseNumber(n: number): string {
  return `QR-${String(n).padStart(6, '0')}`
}

async function customerExists(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query<{ id: string }>('SELECT id FROM customers WHERE id = $1', [id])
  return rows.length > 0
}

/** Applies a complaint creation inside the caller's transaction. */
export async function applyComplaintCreate(
  tx: Queryable,
  claims: AccessClaims,
  args: ComplaintCreateArgs
): Promise<MutationOutcome> {
  if (claims.role === 'trainer') {
    return rejected('forbidden', 'Trainers cannot file production complaints')
  }
  // A row without a team would be visible to every user, trainers included.
  if (claims.teamId === null) {
    return rejected('forbidden', 'Only members of a team can file complaints')
  }
  const existing = await tx.query<{ agent_id: string }>(
    'SELECT agent_id FROM complaints WHERE id = $1',
    [args.id]
  )
  const owner = existing[0]
  if (owner) {
    // The same author re-sending under a new mutation id is a retry, not a conflict.
    if (owner.agent_id === claims.userId) return { status: 'applied', changes: [] }
    return rejected('conflict', 'A complaint with this id belongs to another user')
  }
  if (args.customerId !== null && !(await customerExists(tx, args.customerId))) {
    return rejected('not_found', 'The customer does not exist', { customerId: args.customerId })
  }
  const seq = await tx.query<{ n: number }>("SELECT nextval('complaint_case_seq') AS n")
  const caseNumber = formatCaseNumber(seq[0]?.n ?? 0)
  const inserted = await tx.query<{ status: string; received_at: Date }>(
    `INSERT INTO complaints (id, case_number, customer_id, call_id, category, description,
                             agent_id, team_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     RETURNING status, received_at`,
    [
      args.id,
      caseNumber,
      args.customerId,
      args.callId,
      args.category,
      args.description,
      claims.userId,
      claims.teamId,
      args.createdAt
    ]
  )
  const receivedAt = inserted[0]?.received_at ?? new Date()
  const complaint = {
    ...args,
    caseNumber,
    status: 'open',
    agentId: claims.userId,
    teamId: claims.teamId,
    receivedAt: receivedAt.toISOString()
  } satisfies Complaint
  return {
    status: 'applied',
    changes: [{ entity: 'complaint', entityId: args.id, teamId: claims.teamId, data: complaint }]
  }
}
