/** The stored summary of a score: what the lists and figures need, without every question. */
import type { EvaluationAnswer } from './answers'
import type { EvaluationScoreSummary } from './evaluation'
import type { FormDefinition } from './form-schema'
import { incompleteAnswers, scoreEvaluation } from './scoring'

export function scoreSummary(
  form: FormDefinition,
  answers: readonly EvaluationAnswer[]
): EvaluationScoreSummary {
  const score = scoreEvaluation(form, answers)
  return {
    percent: score.percent,
    earned: score.earned,
    possible: score.possible,
    criticalFailed: score.criticalFailed,
    passed: score.passed,
    complete: incompleteAnswers(form, answers).length === 0,
    sections: score.sections.map((s) => ({
      sectionId: s.sectionId,
      dimension: s.dimension,
      percent: s.percent,
      failed: s.failed
    }))
  }
}
