/**
 * `evaluation.save`: creates a draft, or replaces a draft's answers. Only its evaluator edits,
 * and only while it is a draft. The score is the server's own, from the answers and the form
 * version the evaluation names; a save that changes nothing (re-sent after a lost answer) is
 * applied with nothing new.
 */
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { EvaluationSaveArgs } from '@shared/evaluations/evaluation'
import { scoreSummary } from '@shared/evaluations/score-summary'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'
import { callSummary } from './call-facts'
import {
  checkedInteraction,
  evaluatedAgent,
  roleRefusal,
  scopeRefusal,
  secondEvaluation,
  usableForm
} from './evaluation-checks'
import { lockEvaluation, maySee, type EvaluationRow } from './evaluation-rows'
import { alreadyDone, changed, recordStep, unknownQuestions } from './evaluation-steps'

async function create(
  tx: Queryable,
  claims: AccessClaims,
  args: EvaluationSaveArgs
): Promise<MutationOutcome> {
  const byRole = roleRefusal(claims, args.practice)
  if (byRole) return byRole
  const call = await callSummary(tx, args.agentId, args.callId, args.id)
  const agent = evaluatedAgent(claims, args, call)
  if (!agent.ok) return agent.refusal
  const form = await usableForm(tx, args, true)
  if (!form.ok) return form.refusal
  const interaction = await checkedInteraction(tx, args, call)
  if (!interaction.ok) return interaction.refusal
  const refused =
    scopeRefusal(form.value, agent.value, call) ??
    (args.calibration ? null : secondEvaluation(call)) ??
    unknownQuestions(form.value.definition, args.answers)
  if (refused) return refused
  const score = scoreSummary(form.value.definition, args.answers)
  await tx.query(
    `INSERT INTO evaluations (id, form_id, form_version, kind, agent_id, team_id, evaluator_id,
       call_id, interaction_id, practice, calibration, state, answers, comment, score, percent,
       critical_failed, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'draft', $12::jsonb, $13, $14::jsonb,
       $15, $16, $17, $17)`,
    [
      args.id,
      args.formId,
      args.formVersion,
      form.value.kind,
      args.agentId,
      agent.value.teamId,
      claims.userId,
      args.callId,
      interaction.value,
      args.practice,
      args.calibration,
      JSON.stringify(args.answers),
      args.comment,
      JSON.stringify(score),
      score.percent,
      score.criticalFailed,
      args.savedAt
    ]
  )
  await recordStep(tx, claims, {
    evaluationId: args.id,
    at: args.savedAt,
    action: 'created',
    comment: '',
    score,
    audit: 'evaluation.created',
    details: {
      agentId: args.agentId,
      callId: args.callId,
      form: `${args.formId}@${String(args.formVersion)}`,
      calibration: args.calibration
    }
  })
  return changed(tx, args.id)
}

const answerKey = (a: EvaluationAnswer): string =>
  JSON.stringify([a.questionId, a.value, a.na, a.comment, a.autofilled ?? false])

/** Stored answers come back from jsonb with their keys reordered: compare field by field. */
function sameAnswers(a: readonly EvaluationAnswer[], b: readonly EvaluationAnswer[]): boolean {
  return a.length === b.length && a.every((x, i) => b[i] && answerKey(x) === answerKey(b[i]))
}

function unchanged(row: EvaluationRow, args: EvaluationSaveArgs, interactionId: string | null) {
  return (
    row.form_id === args.formId &&
    row.form_version === args.formVersion &&
    row.calibration === args.calibration &&
    row.comment === args.comment &&
    row.interaction_id === interactionId &&
    sameAnswers(row.answers, args.answers)
  )
}

async function update(
  tx: Queryable,
  claims: AccessClaims,
  row: EvaluationRow,
  args: EvaluationSaveArgs
): Promise<MutationOutcome> {
  if (row.evaluator_id !== claims.userId) {
    return rejected('forbidden', 'Only its evaluator edits an evaluation', { id: row.id })
  }
  if (row.state !== 'draft') {
    return rejected('conflict', `Only a draft is edited; this evaluation is ${row.state}`, {
      id: row.id,
      state: row.state
    })
  }
  if (
    row.agent_id !== args.agentId ||
    row.call_id !== args.callId ||
    row.practice !== args.practice
  ) {
    return rejected('invalid_argument', 'An evaluation’s agent and call never change', {
      id: row.id
    })
  }
  const moved = row.form_id !== args.formId || row.form_version !== args.formVersion
  const form = await usableForm(tx, args, moved)
  if (!form.ok) return form.refusal
  const call = await callSummary(tx, args.agentId, args.callId, args.id)
  const interaction = await checkedInteraction(tx, args, call)
  if (!interaction.ok) return interaction.refusal
  const interactionId = interaction.value ?? row.interaction_id
  if (unchanged(row, args, interactionId)) return alreadyDone
  if (moved) {
    const agent = { id: row.agent_id, teamId: row.team_id }
    const outOfScope = scopeRefusal(form.value, agent, call)
    if (outOfScope) return outOfScope
  }
  const refused =
    (row.calibration && !args.calibration ? secondEvaluation(call) : null) ??
    unknownQuestions(form.value.definition, args.answers)
  if (refused) return refused
  const score = scoreSummary(form.value.definition, args.answers)
  await tx.query(
    `UPDATE evaluations SET form_id = $2, form_version = $3, calibration = $4,
       interaction_id = $5, answers = $6::jsonb, comment = $7, score = $8::jsonb, percent = $9,
       critical_failed = $10, updated_at = $11
     WHERE id = $1`,
    [
      row.id,
      args.formId,
      args.formVersion,
      args.calibration,
      interactionId,
      JSON.stringify(args.answers),
      args.comment,
      JSON.stringify(score),
      score.percent,
      score.criticalFailed,
      args.savedAt
    ]
  )
  await recordStep(tx, claims, {
    evaluationId: row.id,
    at: args.savedAt,
    action: 'rescored',
    comment: '',
    score,
    audit: 'evaluation.saved',
    details: moved ? { form: `${args.formId}@${String(args.formVersion)}` } : {}
  })
  return changed(tx, row.id)
}

export async function applyEvaluationSave(
  tx: Queryable,
  claims: AccessClaims,
  args: EvaluationSaveArgs
): Promise<MutationOutcome> {
  const row = await lockEvaluation(tx, args.id)
  if (!row) return create(tx, claims, args)
  // Someone else's evaluation the caller may not see is, to them, an id that is taken.
  if (!maySee(claims, row)) {
    return rejected('not_found', 'No such evaluation among those you may see', { id: args.id })
  }
  return update(tx, claims, row, args)
}
