/**
 * `callback.schedule`: a call promised for later. The author and team come from the access
 * token. A production callback belongs to the author's team (every member sees it) and may be
 * assigned to a teammate; a practice callback stays with its author in the practice scope.
 * Trainers schedule practice callbacks only.
 */
import type { CallbackScheduleArgs } from '@shared/domain/callback'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { recordScope } from '../sync/visibility'
import { readCallback } from './callback-rows'
import { knownCustomerId, rejected, repeatOf, type MutationOutcome } from '../sync/mutation-outcome'
import { practiceMarkRefusal } from '../practice/practice-refusal'

async function refusal(
  tx: Queryable,
  claims: AccessClaims,
  args: CallbackScheduleArgs
): Promise<MutationOutcome | null> {
  const marked = practiceMarkRefusal(args)
  if (marked) return marked
  if (args.practice) {
    if (args.assigneeId !== claims.userId) {
      return rejected('forbidden', 'A practice callback stays with whoever scheduled it')
    }
    return null
  }
  if (claims.teamId === null || claims.role === 'trainer') {
    return rejected('forbidden', 'Only members of a team schedule callbacks to customers')
  }
  if (args.assigneeId === claims.userId) return null
  const assignee = await tx.query<{ team_id: string | null; role: string }>(
    'SELECT team_id, role FROM users WHERE id = $1',
    [args.assigneeId]
  )
  const member = assignee[0]
  if (member?.team_id !== claims.teamId || !['agent', 'team_lead'].includes(member.role)) {
    return rejected('invalid_argument', 'A callback is assigned to a member of your own team', {
      assigneeId: args.assigneeId
    })
  }
  return null
}

export async function applyCallbackSchedule(
  tx: Queryable,
  claims: AccessClaims,
  args: CallbackScheduleArgs
): Promise<MutationOutcome> {
  const repeat = await repeatOf(tx, 'callbacks', args.id, claims.userId, 'A callback')
  if (repeat) return repeat
  const refused = await refusal(tx, claims, args)
  if (refused) return refused
  const customerId = await knownCustomerId(tx, args.customerId)
  await tx.query(
    `INSERT INTO callbacks (id, customer_id, contact_name, phone_e164, due_at, note, assignee_id,
       practice, call_id, created_at, created_by, team_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      args.id,
      customerId,
      args.contactName,
      args.phoneE164,
      args.dueAt,
      args.note,
      args.assigneeId,
      args.practice,
      args.callId,
      args.createdAt,
      claims.userId,
      claims.role === 'trainer' ? null : claims.teamId
    ]
  )
  const callback = await readCallback(tx, args.id)
  if (!callback) throw new Error(`callback ${args.id} vanished after insert`)
  return {
    status: 'applied',
    changes: [
      {
        entity: 'callback',
        entityId: args.id,
        ...recordScope(claims, args.practice, false),
        data: callback
      }
    ]
  }
}
