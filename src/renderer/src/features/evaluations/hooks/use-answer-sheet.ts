/**
 * An evaluation's answers being edited against its form, and everything that follows from them
 * on every change: the score, which questions are asked, what still blocks publishing, and how
 * far each section has got. Shared by scoring a call and by re-scoring a disputed evaluation.
 */
import { useMemo, useReducer, useState } from 'react'

import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { FormDefinition } from '@shared/evaluations/form-schema'
import {
  incompleteAnswers,
  scoreEvaluation,
  visibleQuestions,
  type CompletenessProblem,
  type EvaluationScore
} from '@shared/evaluations/scoring'

import { answersReducer, type AnswerAction } from '../answer-editing'
import { sectionProgress, type Progress } from '../progress'

export interface AnswerSheet {
  form: FormDefinition
  answers: readonly EvaluationAnswer[]
  score: EvaluationScore
  visible: ReadonlySet<string>
  /** In the form's order; empty when the evaluation may be published. */
  problems: readonly { questionId: string; problem: CompletenessProblem }[]
  problemById: ReadonlyMap<string, CompletenessProblem>
  progress: ReadonlyMap<string, Progress>
  /** Problems are marked loudly once the evaluator tried to publish. */
  insist: boolean
  setInsist: (insist: boolean) => void
  dispatch: (action: AnswerAction) => void
}

/** The derived figures of a form and its answers (pure; the read view uses them too). */
export function sheetFigures(form: FormDefinition, answers: readonly EvaluationAnswer[]) {
  const score = scoreEvaluation(form, answers)
  const problems = incompleteAnswers(form, answers)
  return {
    score,
    visible: visibleQuestions(form, answers),
    problems,
    problemById: new Map(problems.map((p) => [p.questionId, p.problem])),
    progress: sectionProgress(form, score)
  }
}

export function useAnswerSheet(
  form: FormDefinition,
  initial: readonly EvaluationAnswer[]
): AnswerSheet {
  const [answers, dispatch] = useReducer(answersReducer, initial)
  const [insist, setInsist] = useState(false)
  const figures = useMemo(() => sheetFigures(form, answers), [form, answers])
  return { form, answers, ...figures, insist, setInsist, dispatch }
}
