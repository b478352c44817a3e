/** An answer as the read view says it: "Sí", "No", "4 de 5", the option's label, the text. */
import type { TFunction } from 'i18next'

import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { FormQuestion } from '@shared/evaluations/form-schema'

import { formText, nameText, noteText } from './score-text'

export function answerText(
  question: FormQuestion,
  answer: EvaluationAnswer | undefined,
  t: TFunction,
  language: string
): string {
  if (answer === undefined) return t('evaluations.answer.none')
  if (answer.na) return t('evaluations.answer.na')
  const value = answer.value
  if (value === null) return t('evaluations.answer.none')
  switch (question.kind) {
    case 'yes_no':
      return value === 'yes' ? t('evaluations.answer.yes') : t('evaluations.answer.no')
    case 'scale':
      return t('evaluations.answer.scale', {
        value: String(value),
        max: question.scale?.max ?? 5
      })
    case 'choice': {
      const option = question.options?.find((o) => o.id === value)
      return option ? formText(option.label, language, 120) : nameText(String(value), 120)
    }
    case 'text':
      return noteText(String(value), 2000)
  }
}
