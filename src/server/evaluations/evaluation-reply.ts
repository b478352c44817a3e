/**
 * The agent's answer to a released evaluation: `evaluation.acknowledge` (read and accepted) or
 * `evaluation.dispute` (not accepted, with a comment the resolver reads). Only the evaluated
 * agent answers, once; the same answer sent again is applied with nothing new.
 */
import type {
  EvaluationAcknowledgeArgs,
  EvaluationDisputeArgs
} from '@shared/evaluations/evaluation'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'
import { isReleased, lockEvaluation, maySee, type EvaluationRow } from './evaluation-rows'
import { alreadyDone, changed, recordStep } from './evaluation-steps'

type Reply =
  | { kind: 'acknowledge'; args: EvaluationAcknowledgeArgs }
  | {
      kind: 'dispute'
      args: EvaluationDisputeArgs
    }

/** The row when the caller is its agent and it is theirs to answer; otherwise the refusal. */
async function answerable(
  tx: Queryable,
  claims: AccessClaims,
  id: string
): Promise<EvaluationRow | MutationOutcome> {
  const row = await lockEvaluation(tx, id)
  // The agent's own draft is not theirs to know of yet.
  const own = row?.agent_id === claims.userId && isReleased(row.state)
  if (!row || (!own && !maySee(claims, row))) {
    return rejected('not_found', 'No such evaluation among those you may see', { id })
  }
  if (!own) {
    return rejected('forbidden', 'Only the evaluated agent acknowledges or disputes', { id })
  }
  return row
}

async function applyReply(
  tx: Queryable,
  claims: AccessClaims,
  reply: Reply
): Promise<MutationOutcome> {
  const found = await answerable(tx, claims, reply.args.id)
  if ('status' in found) return found
  const row = found
  if (reply.kind === 'acknowledge' && row.state === 'acknowledged') return alreadyDone
  if (
    reply.kind === 'dispute' &&
    row.state === 'disputed' &&
    row.dispute?.comment === reply.args.comment
  ) {
    return alreadyDone
  }
  if (row.state !== 'released') {
    return rejected(
      'conflict',
      `Only a released evaluation is acknowledged or disputed; this one is ${row.state}`,
      { id: row.id, state: row.state }
    )
  }
  const { at } = reply.args
  const comment = reply.kind === 'dispute' ? reply.args.comment : ''
  if (reply.kind === 'dispute') {
    await tx.query(
      `UPDATE evaluations SET state = 'disputed', dispute = $2::jsonb, updated_at = $3
        WHERE id = $1`,
      [row.id, JSON.stringify({ at, comment }), at]
    )
  } else {
    await tx.query(`UPDATE evaluations SET state = 'acknowledged', updated_at = $2 WHERE id = $1`, [
      row.id,
      at
    ])
  }
  await recordStep(tx, claims, {
    evaluationId: row.id,
    at,
    action: reply.kind === 'dispute' ? 'disputed' : 'acknowledged',
    comment,
    score: row.score,
    audit: reply.kind === 'dispute' ? 'evaluation.disputed' : 'evaluation.acknowledged'
  })
  return changed(tx, row.id)
}

export const applyEvaluationAcknowledge = (
  tx: Queryable,
  claims: AccessClaims,
  args: EvaluationAcknowledgeArgs
): Promise<MutationOutcome> => applyReply(tx, claims, { kind: 'acknowledge', args })

export const applyEvaluationDispute = (
  tx: Queryable,
  claims: AccessClaims,
  args: EvaluationDisputeArgs
): Promise<MutationOutcome> => applyReply(tx, claims, { kind: 'dispute', args })
