/**
 * Calibration: several evaluators score the same call with the same form version, and each is
 * compared with a reference evaluation (the released one, or whichever the lead picks). The
 * deviation is in points of percentage, overall and per section, plus the questions answered
 * differently, so a calibration session talks about the items that split the evaluators.
 */
import type { EvaluationAnswer } from './answers'
import type { FormDefinition } from './form-schema'
import { questionsOf } from './form-schema'
import { scoreEvaluation } from './scoring'

export interface CalibrationDeviation {
  /** This evaluation's percentage minus the reference's (null when either scored nothing). */
  percentDelta: number | null
  criticalDiffers: boolean
  sections: { sectionId: string; delta: number | null }[]
  /** Questions both asked and answered differently (value or n/a). */
  differentAnswers: string[]
}

const delta = (a: number | null, b: number | null): number | null =>
  a === null || b === null ? null : Math.round((a - b) * 10) / 10

function sameAnswer(a: EvaluationAnswer | undefined, b: EvaluationAnswer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return a.na === b.na && (a.na || a.value === b.value)
}

export function calibrationDeviation(
  form: FormDefinition,
  reference: readonly EvaluationAnswer[],
  other: readonly EvaluationAnswer[]
): CalibrationDeviation {
  const ref = scoreEvaluation(form, reference)
  const own = scoreEvaluation(form, other)
  const refById = new Map(reference.map((a) => [a.questionId, a]))
  const ownById = new Map(other.map((a) => [a.questionId, a]))
  const refVisible = new Map(ref.questions.map((q) => [q.questionId, q.visible]))
  const ownVisible = new Map(own.questions.map((q) => [q.questionId, q.visible]))
  const differentAnswers = questionsOf(form)
    .filter(({ question }) => question.kind !== 'text')
    .filter(({ question }) => {
      const id = question.id
      if (refVisible.get(id) !== ownVisible.get(id)) return true
      return refVisible.get(id) === true && !sameAnswer(refById.get(id), ownById.get(id))
    })
    .map(({ question }) => question.id)
  return {
    percentDelta: delta(own.percent, ref.percent),
    criticalDiffers: own.criticalFailed !== ref.criticalFailed,
    sections: own.sections.map((s, i) => ({
      sectionId: s.sectionId,
      delta: delta(s.percent, ref.sections[i]?.percent ?? null)
    })),
    differentAnswers
  }
}
