/**
 * How far the scoring has got: per section and overall, the questions asked that count (text
 * notes aside) and how many of them have an answer (a value, or not applicable). Unanswered
 * questions count as 0 in the score, so a score is read as provisional until all are answered.
 */
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { FormDefinition } from '@shared/evaluations/form-schema'
import { scoreEvaluation, type EvaluationScore } from '@shared/evaluations/scoring'

export interface Progress {
  asked: number
  done: number
}

export function sectionProgress(
  form: FormDefinition,
  score: EvaluationScore
): Map<string, Progress> {
  const byQuestion = new Map(score.questions.map((q) => [q.questionId, q]))
  return new Map(
    form.sections.map((section) => {
      const counted = section.questions
        .filter((q) => q.kind !== 'text')
        .map((q) => byQuestion.get(q.id))
        .filter((q) => q?.visible === true)
      return [
        section.id,
        { asked: counted.length, done: counted.filter((q) => q?.answered || q?.na).length }
      ]
    })
  )
}

export function overallProgress(progress: ReadonlyMap<string, Progress>): Progress {
  let asked = 0
  let done = 0
  for (const p of progress.values()) {
    asked += p.asked
    done += p.done
  }
  return { asked, done }
}

/**
 * The score so far: the same scoring over the questions answered until now (unanswered ones
 * left out instead of counted as 0), so the live figure means something from the first answer.
 * Once every question is answered it is the evaluation's score.
 */
export function scoreSoFar(
  form: FormDefinition,
  answers: readonly EvaluationAnswer[],
  score: EvaluationScore
): EvaluationScore {
  const open = new Set(
    score.questions.filter((q) => q.visible && !q.answered && !q.na).map((q) => q.questionId)
  )
  if (open.size === 0) return score
  const answered: FormDefinition = {
    ...form,
    sections: form.sections.map((s) => ({
      ...s,
      questions: s.questions.filter((q) => !open.has(q.id))
    }))
  }
  return scoreEvaluation(answered, answers)
}
