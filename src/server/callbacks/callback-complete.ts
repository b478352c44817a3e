/**
 * `callback.complete`: the promised call was made. Its assignee, its author or a lead of its
 * team may mark it done (a practice callback: its author only). Completing one already done is
 * harmless and changes nothing: a teammate got there first.
 */
import type { CallbackCompleteArgs } from '@shared/domain/callback'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { PRACTICE_SCOPE_ID } from '../sync/visibility'
import { readCallback } from './callback-rows'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'

export async function applyCallbackComplete(
  tx: Queryable,
  claims: AccessClaims,
  args: CallbackCompleteArgs
): Promise<MutationOutcome> {
  const callback = await readCallback(tx, args.id)
  const isLead =
    claims.role === 'team_lead' && callback?.teamId != null && callback.teamId === claims.teamId
  const mayComplete =
    callback !== null &&
    (callback.createdBy === claims.userId ||
      (!callback.practice && (callback.assigneeId === claims.userId || isLead)))
  // Someone else's callback is reported as unknown: its existence is not theirs to learn.
  if (!callback || !mayComplete) {
    return rejected('not_found', 'No such callback among yours or your team’s', { id: args.id })
  }
  if (callback.status === 'done') return { status: 'applied', changes: [] }
  await tx.query(
    `UPDATE callbacks SET status = 'done', completed_at = $2, completed_by = $3 WHERE id = $1`,
    [args.id, args.completedAt, claims.userId]
  )
  const done = await readCallback(tx, args.id)
  if (!done) throw new Error(`callback ${args.id} vanished after update`)
  return {
    status: 'applied',
    changes: [
      {
        entity: 'callback',
        entityId: args.id,
        teamId: done.practice ? PRACTICE_SCOPE_ID : done.teamId,
        userId: done.practice ? done.createdBy : null,
        data: done
      }
    ]
  }
}
