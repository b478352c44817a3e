/**
 * The options a question offers as radios, in order (yes/no, the scale's numbers, the choices,
 * then "not applicable" where the form allows it), and how a key picks one: the scale's own digit,
 * or the option's place (1, 2, 3…) on the others.
 */
import type { TFunction } from 'i18next'

import type { EvaluationAnswer } from '@shared/evaluations/answers'
import {
  allowedValues,
  type EvaluationAnswerValue,
  type FormQuestion
} from '@shared/evaluations/form-schema'

import { formText } from './score-text'

/** The radio's value for "not applicable": option ids never hold a colon. */
export const NA_OPTION = ':na'

export interface QuestionOption {
  /** The radio's value: 'yes', a number as text, an option id, or {@link NA_OPTION}. */
  key: string
  label: string
  value: EvaluationAnswerValue | null
}

export function questionOptions(
  question: FormQuestion,
  t: TFunction,
  language: string
): QuestionOption[] {
  const options: QuestionOption[] = (allowedValues(question) ?? []).map((value) => ({
    key: String(value),
    value,
    label:
      question.kind === 'yes_no'
        ? t(value === 'yes' ? 'evaluations.answer.yes' : 'evaluations.answer.no')
        : question.kind === 'choice'
          ? formText(
              question.options?.find((o) => o.id === value)?.label ?? { es: String(value) },
              language,
              120
            )
          : String(value)
  }))
  if (question.allowNa) {
    options.push({ key: NA_OPTION, value: null, label: t('evaluations.answer.na') })
  }
  return options
}

/** The radio an answer selects, or null when none is. */
export function selectedOption(answer: EvaluationAnswer | undefined): string | null {
  if (answer === undefined) return null
  if (answer.na) return NA_OPTION
  return answer.value === null ? null : String(answer.value)
}

/** The option a digit key picks, or null. */
export function optionForKey(
  question: FormQuestion,
  options: readonly QuestionOption[],
  key: string
): QuestionOption | null {
  if (!/^[0-9]$/.test(key)) return null
  const digit = Number(key)
  if (question.kind === 'scale') return options.find((o) => o.value === digit) ?? null
  return digit >= 1 ? (options[digit - 1] ?? null) : null
}
