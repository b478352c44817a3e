/**
 * `evaluation.resolve`: a disputed evaluation answered by its evaluator, a lead of the agent's
 * team or an admin (a trainer for training ones): the score `kept` with a reason, or `rescored`
 * from new, complete answers (scored by the server against the evaluation's form version).
 */
import type { EvaluationResolveArgs } from '@shared/evaluations/evaluation'
import { scoreSummary } from '@shared/evaluations/score-summary'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'
import { lockEvaluation, maySee, type EvaluationRow } from './evaluation-rows'
import {
  alreadyDone,
  changed,
  incompleteRefusal,
  recordStep,
  unknownQuestions
} from './evaluation-steps'
import { readStoredForm } from './form-versions'

function mayResolve(claims: AccessClaims, row: EvaluationRow): boolean {
  if (claims.role === 'admin' || row.evaluator_id === claims.userId) return true
  if (row.practice) return claims.role === 'trainer'
  return claims.role === 'team_lead' && row.team_id !== null && row.team_id === claims.teamId
}

export async function applyEvaluationResolve(
  tx: Queryable,
  claims: AccessClaims,
  args: EvaluationResolveArgs
): Promise<MutationOutcome> {
  const row = await lockEvaluation(tx, args.id)
  if (!row || !maySee(claims, row)) {
    return rejected('not_found', 'No such evaluation among those you may see', { id: args.id })
  }
  if (!mayResolve(claims, row)) {
    return rejected(
      'forbidden',
      'A dispute is resolved by the evaluator, a lead of the agent’s team or an admin',
      { id: row.id }
    )
  }
  if (
    row.state === 'resolved' &&
    row.resolution?.decision === args.decision &&
    row.resolution.reason === args.reason
  ) {
    return alreadyDone
  }
  if (row.state !== 'disputed') {
    return rejected(
      'conflict',
      `Only a disputed evaluation is resolved; this one is ${row.state}`,
      {
        id: row.id,
        state: row.state
      }
    )
  }
  let answers = row.answers
  let score = row.score
  if (args.answers !== null) {
    const form = await readStoredForm(tx, row.form_id, row.form_version)
    if (!form) throw new Error(`evaluation ${row.id} names a form version that is gone`)
    const refused =
      unknownQuestions(form.definition, args.answers) ??
      incompleteRefusal(form.definition, args.answers)
    if (refused) return refused
    answers = args.answers
    score = scoreSummary(form.definition, answers)
  }
  const resolution = {
    at: args.at,
    decision: args.decision,
    reason: args.reason,
    byId: claims.userId
  }
  await tx.query(
    `UPDATE evaluations SET state = 'resolved', resolution = $2::jsonb, answers = $3::jsonb,
       score = $4::jsonb, percent = $5, critical_failed = $6, updated_at = $7
     WHERE id = $1`,
    [
      row.id,
      JSON.stringify(resolution),
      JSON.stringify(answers),
      JSON.stringify(score),
      score.percent,
      score.criticalFailed,
      args.at
    ]
  )
  await recordStep(tx, claims, {
    evaluationId: row.id,
    at: args.at,
    action: args.decision === 'kept' ? 'resolved_kept' : 'resolved_rescored',
    comment: args.reason,
    score,
    audit: 'evaluation.resolved',
    details: { decision: args.decision, percentBefore: row.score.percent }
  })
  return changed(tx, row.id)
}
