/**
 * What every step of an evaluation leaves behind: an evaluation_events row (its history, with the
 * score after the step), an audit entry, and the whole record back to everyone who sees it.
 */
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { EvaluationAction, EvaluationScoreSummary } from '@shared/evaluations/evaluation'
import type { FormDefinition } from '@shared/evaluations/form-schema'
import { questionsOf } from '@shared/evaluations/form-schema'
import { incompleteAnswers } from '@shared/evaluations/scoring'
import type { AccessClaims } from '../auth/access-tokens'
import { writeAudit, type AuditAction } from '../auth/audit-log'
import type { Queryable } from '../db/db'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'
import { evaluationChange, readEvaluation } from './evaluation-rows'

export interface Step {
  evaluationId: string
  at: string
  action: EvaluationAction
  comment: string
  score: Pick<EvaluationScoreSummary, 'percent' | 'criticalFailed'>
  audit: AuditAction
  details?: Record<string, unknown>
}

export async function recordStep(tx: Queryable, claims: AccessClaims, step: Step): Promise<void> {
  await tx.query(
    `INSERT INTO evaluation_events (evaluation_id, at, actor_id, action, comment, percent,
       critical_failed)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      step.evaluationId,
      step.at,
      claims.userId,
      step.action,
      step.comment,
      step.score.percent,
      step.score.criticalFailed
    ]
  )
  await writeAudit(tx, {
    action: step.audit,
    actorId: claims.userId,
    target: step.evaluationId,
    details: {
      step: step.action,
      percent: step.score.percent,
      criticalFailed: step.score.criticalFailed,
      ...step.details
    }
  })
}

/** The evaluation after a step, as the change log sends it. */
export async function changed(tx: Queryable, id: string): Promise<MutationOutcome> {
  const evaluation = await readEvaluation(tx, id)
  if (!evaluation) throw new Error(`evaluation ${id} vanished after a step`)
  return { status: 'applied', changes: [evaluationChange(evaluation)] }
}

/** A step already taken, sent again (a lost answer): nothing new. */
export const alreadyDone: MutationOutcome = { status: 'applied', changes: [] }

/** Answers to questions the form does not have: a client bug, refused rather than stored. */
export function unknownQuestions(
  form: FormDefinition,
  answers: readonly EvaluationAnswer[]
): MutationOutcome | null {
  const known = new Set(questionsOf(form).map((q) => q.question.id))
  const unknown = answers.map((a) => a.questionId).filter((id) => !known.has(id))
  if (unknown.length === 0) return null
  return rejected('invalid_argument', `The form ${form.id} has no question ${unknown.join(', ')}`, {
    questionIds: unknown
  })
}

/** Refuses answers that cannot be released yet, naming each question and what it lacks. */
export function incompleteRefusal(
  form: FormDefinition,
  answers: readonly EvaluationAnswer[]
): MutationOutcome | null {
  const incomplete = incompleteAnswers(form, answers)
  if (incomplete.length === 0) return null
  const ids = incomplete.map((i) => i.questionId)
  return rejected('invalid_argument', `Some questions are not complete: ${ids.join(', ')}`, {
    questionIds: ids,
    incomplete
  })
}
