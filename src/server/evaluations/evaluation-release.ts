/**
 * `evaluation.release`: the evaluator hands a complete draft to the agent (`released`), or, for
 * a calibration one, submits it (`submitted`: compared with the others, never shown to the
 * agent). Incomplete answers are refused with every question that blocks it.
 */
import type { EvaluationReleaseArgs } from '@shared/evaluations/evaluation'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'
import { lockEvaluation, maySee } from './evaluation-rows'
import { alreadyDone, changed, incompleteRefusal, recordStep } from './evaluation-steps'
import { readStoredForm } from './form-versions'

export async function applyEvaluationRelease(
  tx: Queryable,
  claims: AccessClaims,
  args: EvaluationReleaseArgs
): Promise<MutationOutcome> {
  const row = await lockEvaluation(tx, args.id)
  if (!row || !maySee(claims, row)) {
    return rejected('not_found', 'No such evaluation among those you may see', { id: args.id })
  }
  if (row.evaluator_id !== claims.userId) {
    return rejected('forbidden', 'Only its evaluator releases an evaluation', { id: row.id })
  }
  const target = row.calibration ? 'submitted' : 'released'
  if (row.state === target) return alreadyDone
  if (row.state !== 'draft') {
    return rejected('conflict', `Only a draft is released; this evaluation is ${row.state}`, {
      id: row.id,
      state: row.state
    })
  }
  const form = await readStoredForm(tx, row.form_id, row.form_version)
  if (!form) throw new Error(`evaluation ${row.id} names a form version that is gone`)
  const incomplete = incompleteRefusal(form.definition, row.answers)
  if (incomplete) return incomplete
  await tx.query(
    `UPDATE evaluations SET state = $2, released_at = $3, updated_at = $4 WHERE id = $1`,
    [row.id, target, row.calibration ? null : args.at, args.at]
  )
  await recordStep(tx, claims, {
    evaluationId: row.id,
    at: args.at,
    action: target,
    comment: '',
    score: row.score,
    audit: row.calibration ? 'evaluation.submitted' : 'evaluation.released',
    details: { agentId: row.agent_id, callId: row.call_id }
  })
  return changed(tx, row.id)
}
