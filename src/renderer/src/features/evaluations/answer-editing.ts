/**
 * Editing an evaluation's answers: a reducer over the list the worker saves. Any change the
 * evaluator makes to a question makes its answer theirs (the "from the script" mark goes), and
 * filling from the script run never overwrites what the evaluator answered.
 */
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { EvaluationAnswerValue } from '@shared/evaluations/form-schema'

export type AnswerAction =
  /** A value picked or typed; an empty text clears it. */
  | { type: 'value'; questionId: string; value: EvaluationAnswerValue | null }
  /** Marked not applicable (the value goes). */
  | { type: 'na'; questionId: string }
  | { type: 'comment'; questionId: string; comment: string }
  /** The answers the script run gives (`prefillFromRun`), for the questions still open to it. */
  | { type: 'prefill'; answers: readonly EvaluationAnswer[] }
  /** A saved draft (or a re-score's starting point) loaded whole. */
  | { type: 'replace'; answers: readonly EvaluationAnswer[] }

const blank = (questionId: string): EvaluationAnswer => ({
  questionId,
  value: null,
  na: false,
  comment: ''
})

/** Nothing chosen yet (a comment alone does not answer a question). */
export const isUnanswered = (answer: EvaluationAnswer | undefined): boolean =>
  answer === undefined || (answer.value === null && !answer.na)

/** What the run may fill: a question the evaluator has not answered, or one it filled before. */
export const openToPrefill = (answer: EvaluationAnswer | undefined): boolean =>
  isUnanswered(answer) || answer?.autofilled === true

function edit(
  answers: readonly EvaluationAnswer[],
  questionId: string,
  change: (answer: EvaluationAnswer) => EvaluationAnswer
): EvaluationAnswer[] {
  const index = answers.findIndex((a) => a.questionId === questionId)
  const current = index < 0 ? blank(questionId) : (answers[index] ?? blank(questionId))
  // `autofilled` is left out, not set false: the stored answer then reads as the evaluator's own.
  const { questionId: id, value, na, comment } = change(current)
  const own: EvaluationAnswer = { questionId: id, value, na, comment }
  if (index < 0) return [...answers, own]
  return answers.map((a, i) => (i === index ? own : a))
}

function prefill(
  answers: readonly EvaluationAnswer[],
  filled: readonly EvaluationAnswer[]
): EvaluationAnswer[] {
  let out = [...answers]
  for (const answer of filled) {
    const current = out.find((a) => a.questionId === answer.questionId)
    if (!openToPrefill(current)) continue
    // A comment the evaluator wrote on a still-open question stays theirs.
    const ownComment = current && current.autofilled !== true ? current.comment.trim() : ''
    const next: EvaluationAnswer = {
      ...answer,
      comment: ownComment === '' ? answer.comment : (current?.comment ?? '')
    }
    out = current ? out.map((a) => (a.questionId === answer.questionId ? next : a)) : [...out, next]
  }
  return out
}

export function answersReducer(
  answers: readonly EvaluationAnswer[],
  action: AnswerAction
): readonly EvaluationAnswer[] {
  switch (action.type) {
    case 'value': {
      const value =
        typeof action.value === 'string' && action.value.trim() === '' ? null : action.value
      return edit(answers, action.questionId, (a) => ({ ...a, value, na: false }))
    }
    case 'na':
      return edit(answers, action.questionId, (a) => ({ ...a, value: null, na: true }))
    case 'comment':
      return edit(answers, action.questionId, (a) => ({ ...a, comment: action.comment }))
    case 'prefill':
      return prefill(answers, action.answers)
    case 'replace':
      return [...action.answers]
  }
}

/**
 * The answers as saved: trimmed comments (the schema trims too, so a draft read back equals what
 * was sent) and no empty entries.
 */
export function answersToSave(answers: readonly EvaluationAnswer[]): EvaluationAnswer[] {
  return answers
    .map((a) => ({ ...a, comment: a.comment.trim() }))
    .filter((a) => a.value !== null || a.na || a.comment !== '')
}
