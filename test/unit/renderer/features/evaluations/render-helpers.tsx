/** Reading the scoring view's markup: one question's part, the live status, the problems. */
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { FormDefinition } from '@shared/evaluations/form-schema'
import {
  sheetFigures,
  type AnswerSheet
} from '@renderer/features/evaluations/hooks/use-answer-sheet'

import { textOf } from '../../support/render'

const noop = () => undefined

export function sheetOf(
  form: FormDefinition,
  answers: readonly EvaluationAnswer[],
  insist = false
): AnswerSheet {
  return {
    form,
    answers,
    ...sheetFigures(form, answers),
    insist,
    setInsist: noop,
    dispatch: noop
  }
}

/** The markup of one question, from its box to the next question's. */
export function questionHtml(html: string, questionId: string): string {
  const start = html.indexOf(`data-question="${questionId}"`)
  if (start < 0) return ''
  const ends = [html.indexOf('data-question="', start + 1), html.indexOf('</section>', start)]
  const end = Math.min(...ends.filter((i) => i >= 0))
  return html.slice(start, Number.isFinite(end) ? end : undefined)
}

/** The text of the element with role=status. */
export function statusText(html: string): string {
  const found = /<p role="status"[^>]*>(.*?)<\/p>/.exec(html)
  return textOf(found?.[1] ?? '')
}

/** The radio labels of a question, in order. */
export function radioLabels(html: string): string[] {
  return [...html.matchAll(/<input[^>]*type="radio"[^>]*\/><\/span>(.*?)<\/label>/g)].map((m) =>
    textOf(m[1] ?? '')
  )
}

/** The opening tag of the button whose text is `text`. */
export function buttonTag(html: string, text: string): string {
  const found = [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].find(
    (m) => textOf(m[2] ?? '') === text
  )
  return found?.[1] ?? ''
}
