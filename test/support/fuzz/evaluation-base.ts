/**
 * Evaluations in the push fuzz: the seeded default form (which the fuzz suite seeds) answered
 * completely, so an evaluation can be released, disputed and resolved from generated bases.
 */
import { readFileSync } from 'node:fs'

import { checkFormSource } from '@shared/evaluations/form-source'
import { questionsOf, type FormQuestion } from '@shared/evaluations/form-schema'

export const DEFAULT_FORM_ID = 'service-quality'

function fullMarks(question: FormQuestion): string | number {
  switch (question.kind) {
    case 'yes_no':
      return 'yes'
    case 'scale':
      return question.scale?.max ?? 5
    case 'choice':
      return [...(question.options ?? [])].sort((a, b) => b.score - a.score)[0]?.id ?? ''
    case 'text':
      return 'Sin observaciones'
  }
}

/** Every question of the default form with full marks: complete, whatever the conditions. */
export function completeDefaultAnswers(): {
  questionId: string
  value: string | number
  na: boolean
  comment: string
}[] {
  const source = readFileSync('resources/evaluation-forms/service-quality.yaml', 'utf8')
  const form = checkFormSource(source).form
  if (!form) throw new Error('the default evaluation form does not validate')
  return questionsOf(form).map(({ question }) => ({
    questionId: question.id,
    value: fullMarks(question),
    na: false,
    comment: ''
  }))
}
