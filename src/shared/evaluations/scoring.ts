/**
 * An evaluation's score: weighted points earned over points possible. Not applicable, hidden
 * (by a condition) and text questions count neither way. A failed critical item fails the whole
 * evaluation (shown apart from the percentage, which stays what the points say) or scores its
 * section 0. The server scores every saved evaluation with this same code, so the figures never
 * trust a client's arithmetic.
 */
import type { EvaluationAnswer } from './answers'
import type { EvaluationDimension } from './dimensions'
import { allowedValues, questionsOf, type FormDefinition, type FormQuestion } from './form-schema'

export interface QuestionScore {
  questionId: string
  /** Hidden by its condition: not asked. */
  visible: boolean
  na: boolean
  answered: boolean
  earned: number
  possible: number
  /** A critical item answered the failing way. */
  failed: boolean
}

export interface SectionScore {
  sectionId: string
  dimension: EvaluationDimension | null
  earned: number
  possible: number
  /** Null when nothing in the section counted. */
  percent: number | null
  /** A section-critical item failed: the section scores 0. */
  failed: boolean
}

export interface EvaluationScore {
  earned: number
  possible: number
  percent: number | null
  /** An evaluation-critical item failed: the evaluation fails whatever its percentage. */
  criticalFailed: boolean
  passed: boolean
  sections: SectionScore[]
  questions: QuestionScore[]
}

/** One decimal, so a figure reads 87.5 and sums never drift on floating point noise. */
export const roundPercent = (earned: number, possible: number): number | null =>
  possible > 0 ? Math.round((earned / possible) * 1000) / 10 : null

function earnedShare(question: FormQuestion, value: EvaluationAnswer['value']): number {
  switch (question.kind) {
    case 'yes_no':
      return value === 'yes' ? 1 : 0
    case 'scale': {
      const { min, max } = question.scale ?? { min: 1, max: 5 }
      return typeof value === 'number' ? (value - min) / (max - min) : 0
    }
    case 'choice':
      return question.options?.find((o) => o.id === value)?.score ?? 0
    case 'text':
      return 0
  }
}

function failsCritical(question: FormQuestion, value: EvaluationAnswer['value']): boolean {
  if (question.critical === undefined) return false
  if (question.kind === 'yes_no') return value === 'no'
  if (question.kind === 'choice') {
    return question.options?.some((o) => o.id === value && o.fails === true) ?? false
  }
  return false
}

/** Whether a value is one the question can take (a text answer is any non-empty text). */
export function isValidValue(question: FormQuestion, value: EvaluationAnswer['value']): boolean {
  if (value === null) return false
  const allowed = allowedValues(question)
  if (allowed === null) return typeof value === 'string' && value.trim().length > 0
  return allowed.includes(value)
}

/**
 * Which questions are asked given the answers so far: a question with a condition is asked only
 * when the question it names is asked, answered (not n/a) and its value is among the condition's.
 */
export function visibleQuestions(
  form: FormDefinition,
  answers: readonly EvaluationAnswer[]
): Set<string> {
  const byId = new Map(answers.map((a) => [a.questionId, a]))
  const visible = new Set<string>()
  for (const { question } of questionsOf(form)) {
    const condition = question.showIf
    if (condition === undefined) {
      visible.add(question.id)
      continue
    }
    const answer = byId.get(condition.question)
    if (
      visible.has(condition.question) &&
      answer !== undefined &&
      !answer.na &&
      answer.value !== null &&
      condition.in.includes(answer.value)
    ) {
      visible.add(question.id)
    }
  }
  return visible
}

export function scoreEvaluation(
  form: FormDefinition,
  answers: readonly EvaluationAnswer[]
): EvaluationScore {
  const byId = new Map(answers.map((a) => [a.questionId, a]))
  const visible = visibleQuestions(form, answers)
  const questions: QuestionScore[] = []
  const sections: SectionScore[] = []
  let criticalFailed = false
  for (const section of form.sections) {
    let earned = 0
    let possible = 0
    let sectionFailed = false
    for (const question of section.questions) {
      const answer = byId.get(question.id)
      const shown = visible.has(question.id)
      const na = shown && answer?.na === true && question.allowNa
      const answered = shown && !na && answer !== undefined && isValidValue(question, answer.value)
      const value = answered ? answer.value : null
      const failed = answered && failsCritical(question, value)
      const counts = shown && !na && question.kind !== 'text'
      const q: QuestionScore = {
        questionId: question.id,
        visible: shown,
        na,
        answered,
        earned: answered && counts ? question.weight * earnedShare(question, value) : 0,
        possible: counts ? question.weight : 0,
        failed
      }
      questions.push(q)
      earned += q.earned
      possible += q.possible
      if (failed && question.critical === 'section') sectionFailed = true
      if (failed && question.critical === 'evaluation') criticalFailed = true
    }
    if (sectionFailed) earned = 0
    sections.push({
      sectionId: section.id,
      dimension: section.dimension ?? null,
      earned,
      possible,
      percent: roundPercent(earned, possible),
      failed: sectionFailed
    })
  }
  const earned = sections.reduce((n, s) => n + s.earned, 0)
  const possible = sections.reduce((n, s) => n + s.possible, 0)
  const percent = roundPercent(earned, possible)
  return {
    earned,
    possible,
    percent,
    criticalFailed,
    passed: !criticalFailed && percent !== null && percent >= form.passMark,
    sections,
    questions
  }
}

export const completenessProblems = [
  'unanswered',
  'invalid_value',
  'na_not_allowed',
  'comment_required'
] as const
export type CompletenessProblem = (typeof completenessProblems)[number]

/**
 * What stops an evaluation from being released: every asked question answered with a value it
 * can take (or n/a where allowed), and the comments the form requires. Empty means complete.
 */
export function incompleteAnswers(
  form: FormDefinition,
  answers: readonly EvaluationAnswer[]
): { questionId: string; problem: CompletenessProblem }[] {
  const byId = new Map(answers.map((a) => [a.questionId, a]))
  const visible = visibleQuestions(form, answers)
  const out: { questionId: string; problem: CompletenessProblem }[] = []
  for (const { question } of questionsOf(form)) {
    if (!visible.has(question.id)) continue
    const answer = byId.get(question.id)
    const problem = ((): CompletenessProblem | null => {
      // A text question is free notes: required only when the form says so.
      if (question.kind === 'text') {
        const written = typeof answer?.value === 'string' && answer.value.trim().length > 0
        return question.comment === 'required' && !written ? 'unanswered' : null
      }
      if (answer === undefined) return 'unanswered'
      if (answer.na) return question.allowNa ? null : 'na_not_allowed'
      if (answer.value === null) return 'unanswered'
      if (!isValidValue(question, answer.value)) return 'invalid_value'
      const lost = question.weight * earnedShare(question, answer.value) < question.weight
      const wantsComment =
        question.comment === 'required' ||
        (question.comment === 'when_lost' && (lost || failsCritical(question, answer.value)))
      return wantsComment && answer.comment.trim().length === 0 ? 'comment_required' : null
    })()
    if (problem !== null) out.push({ questionId: question.id, problem })
  }
  return out
}
