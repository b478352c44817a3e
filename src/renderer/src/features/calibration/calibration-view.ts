/**
 * Calibration as pure functions of the evaluations this desk holds: the calls scored by more than
 * one evaluator, the default reference, the blind rule, and each evaluation's deviation from the
 * reference (the shared `calibrationDeviation`, so the numbers are the server's arithmetic).
 *
 * The blind rule: an evaluator who has not yet submitted their own score of a call does not see
 * the others' — seeing them first would pull their score towards the group's, which is what
 * calibration measures. The reference's author and an admin who is not scoring the call see all.
 */
import type { Role } from '@shared/domain/user'
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import { calibrationDeviation, type CalibrationDeviation } from '@shared/evaluations/calibration'
import type { Evaluation } from '@shared/evaluations/evaluation'
import { questionsOf, type FormDefinition } from '@shared/evaluations/form-schema'

type CalibrationEvaluation = Pick<
  Evaluation,
  | 'id'
  | 'callId'
  | 'agentId'
  | 'agentName'
  | 'evaluatorId'
  | 'evaluatorName'
  | 'formId'
  | 'formVersion'
  | 'calibration'
  | 'state'
  | 'answers'
  | 'score'
  | 'createdAt'
  | 'updatedAt'
>

export interface CalibrationCall<E extends CalibrationEvaluation = CalibrationEvaluation> {
  callId: string
  agentId: string
  agentName: string
  /** Oldest first (the first evaluator's, usually the original, leads). */
  evaluations: E[]
  /** The latest change to any of them. */
  updatedAt: string
}

/** Calls with more than one evaluation, the most recently touched first. */
export function calibrationCalls<E extends CalibrationEvaluation>(
  evaluations: readonly E[]
): CalibrationCall<E>[] {
  const byCall = new Map<string, E[]>()
  for (const e of evaluations) byCall.set(e.callId, [...(byCall.get(e.callId) ?? []), e])
  const calls: CalibrationCall<E>[] = []
  for (const [callId, list] of byCall) {
    if (list.length < 2) continue
    const sorted = [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    const first = sorted[0]
    if (first === undefined) continue
    calls.push({
      callId,
      agentId: first.agentId,
      agentName: first.agentName,
      evaluations: sorted,
      updatedAt: sorted.reduce((at, e) => (e.updatedAt > at ? e.updatedAt : at), first.updatedAt)
    })
  }
  return calls.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}

/** The reference by default: the call's evaluation that is not a calibration one, else the first. */
export function defaultReferenceId(evaluations: readonly CalibrationEvaluation[]): string | null {
  return (evaluations.find((e) => !e.calibration) ?? evaluations[0])?.id ?? null
}

export interface Viewer {
  id: string
  role: Role
}

/** Why the others' scores are hidden from this viewer, or null when they show. */
export type BlindReason = 'own_draft' | 'not_scored' | null

export function blindReason(
  viewer: Viewer,
  evaluations: readonly CalibrationEvaluation[],
  referenceId: string | null
): BlindReason {
  const reference = evaluations.find((e) => e.id === referenceId)
  if (reference?.evaluatorId === viewer.id) return null
  const own = evaluations.filter((e) => e.evaluatorId === viewer.id)
  if (own.some((e) => e.state !== 'draft')) return null
  if (own.length > 0) return 'own_draft'
  return viewer.role === 'admin' ? null : 'not_scored'
}

/**
 * How one evaluation stands against the reference: compared (with its deviation), the reference
 * itself, hidden by the blind rule, someone else's unsent draft, another form version, or not
 * comparable because this desk lacks the reference's form version; while blind, the viewer's own.
 */
export type ComparedRow<E extends CalibrationEvaluation = CalibrationEvaluation> =
  | { status: 'reference'; evaluation: E }
  | { status: 'compared'; evaluation: E; deviation: CalibrationDeviation }
  | { status: 'own' | 'hidden' | 'draft' | 'other_version' | 'no_form'; evaluation: E }

export interface CallComparison<E extends CalibrationEvaluation = CalibrationEvaluation> {
  reference: E | null
  blind: BlindReason
  rows: ComparedRow<E>[]
  /** Questions some compared evaluation answered differently from the reference, form order. */
  differentQuestions: string[]
}

export function compareCall<E extends CalibrationEvaluation>(
  form: FormDefinition | null,
  evaluations: readonly E[],
  referenceId: string | null,
  viewer: Viewer
): CallComparison<E> {
  const reference = evaluations.find((e) => e.id === referenceId) ?? null
  const blind = blindReason(viewer, evaluations, referenceId)
  const differing = new Set<string>()
  const rows = evaluations.map((evaluation): ComparedRow<E> => {
    const own = evaluation.evaluatorId === viewer.id
    // Blind: the viewer's own score alone; even its deviation would tell the reference's.
    if (blind !== null) return { status: own ? 'own' : 'hidden', evaluation }
    if (evaluation.id === reference?.id) return { status: 'reference', evaluation }
    if (evaluation.state === 'draft' && !own) return { status: 'draft', evaluation }
    if (
      reference === null ||
      evaluation.formId !== reference.formId ||
      evaluation.formVersion !== reference.formVersion
    ) {
      return { status: 'other_version', evaluation }
    }
    if (form === null) return { status: 'no_form', evaluation }
    const deviation = calibrationDeviation(form, reference.answers, evaluation.answers)
    for (const q of deviation.differentAnswers) differing.add(q)
    return { status: 'compared', evaluation, deviation }
  })
  const order = form === null ? [] : questionsOf(form).map(({ question }) => question.id)
  return {
    reference,
    blind,
    rows,
    differentQuestions: order.filter((id) => differing.has(id))
  }
}

/** The answer an evaluation gave a question, as data the view puts in words. */
export type AnswerShown =
  | { kind: 'not_asked' }
  | { kind: 'unanswered' }
  | { kind: 'na' }
  | { kind: 'value'; value: string | number }

export function answerShown(
  answers: readonly EvaluationAnswer[],
  questionId: string,
  visible: ReadonlySet<string>
): AnswerShown {
  if (!visible.has(questionId)) return { kind: 'not_asked' }
  const answer = answers.find((a) => a.questionId === questionId)
  if (answer === undefined) return { kind: 'unanswered' }
  if (answer.na) return { kind: 'na' }
  return answer.value === null ? { kind: 'unanswered' } : { kind: 'value', value: answer.value }
}

export function sameShown(a: AnswerShown, b: AnswerShown): boolean {
  if (a.kind !== b.kind) return false
  return a.kind !== 'value' || (b.kind === 'value' && a.value === b.value)
}
