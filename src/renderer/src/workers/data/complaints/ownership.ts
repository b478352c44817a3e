/**
 * Escalations and assignments taken on this client: queued in the outbox and laid over the
 * server's row until the server answers (its row then carries them, or the refusal shows on
 * the case with its reason, like a refused lifecycle step).
 */
import type { Database } from 'sql.js'

import {
  complaintAssignArgsSchema,
  complaintEscalateArgsSchema
} from '@shared/domain/complaint-ownership'
import type { MutationOf } from '@shared/sync/protocol'

import { reasonOf } from './transitions'
import { enqueueMutation } from '../sync/outbox'
import { asString, queryAll, queryOne } from '../store/sql'

export const OWNERSHIP_MUTATIONS = ['complaint.escalate', 'complaint.assign'] as const

export function applyLocalComplaintOwnership(
  db: Database,
  mutation: MutationOf<'complaint.escalate'> | MutationOf<'complaint.assign'>
): void {
  enqueueMutation(db, mutation)
}

export function isOwnershipStepQueued(db: Database, mutationId: string): boolean {
  return queryOne(db, 'SELECT 1 AS found FROM outbox WHERE mutation_id = ?', [mutationId]) !== null
}

/** What this client's queued steps make of a case's ownership. */
export interface LocalOwnership {
  escalatedAt?: string
  escalationReason?: string
  assigneeId?: string
  pending: boolean
  refusedReason: string | null
}

/** The queued and refused ownership steps of each case, in the order they were taken. */
export function localOwnership(db: Database): Map<string, LocalOwnership> {
  const rows = queryAll(
    db,
    `SELECT name, args, state, last_error FROM outbox
     WHERE name IN ('complaint.escalate', 'complaint.assign') ORDER BY seq`
  )
  const result = new Map<string, LocalOwnership>()
  for (const row of rows) {
    const args: unknown = JSON.parse(asString(row['args']))
    const escalate = complaintEscalateArgsSchema.safeParse(args)
    const assign = complaintAssignArgsSchema.safeParse(args)
    const complaintId =
      row['name'] === 'complaint.escalate' ? escalate.data?.complaintId : assign.data?.complaintId
    if (complaintId === undefined) continue
    const current = result.get(complaintId) ?? { pending: false, refusedReason: null }
    if (row['state'] === 'rejected') {
      current.refusedReason = reasonOf(asString(row['last_error']))
    } else {
      if (row['name'] === 'complaint.escalate' && escalate.success) {
        current.escalatedAt = escalate.data.at
        current.escalationReason = escalate.data.reason
      } else if (assign.success) {
        current.assigneeId = assign.data.assigneeId
      }
      current.pending = true
      current.refusedReason = null
    }
    result.set(complaintId, current)
  }
  return result
}
