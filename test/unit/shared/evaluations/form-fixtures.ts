/** Small forms for the scoring and validation tests: each exercises one rule. */
import {
  formDefinitionSchema,
  type FormDefinition,
  type FormDefinitionInput
} from '@shared/evaluations/form-schema'
import type { EvaluationAnswer } from '@shared/evaluations/answers'

const t = (es: string) => ({ es, en: es })

export function form(input: Partial<FormDefinitionInput> = {}): FormDefinition {
  return formDefinitionSchema.parse({
    id: 'test',
    kind: 'quality',
    title: t('Test'),
    passMark: 80,
    sections: [
      {
        id: 'a',
        dimension: 'courtesy',
        title: t('A'),
        questions: [
          { id: 'greet', kind: 'yes_no', weight: 4, text: t('Saluda') },
          { id: 'tone', kind: 'scale', scale: { min: 1, max: 5 }, weight: 4, text: t('Tono') }
        ]
      },
      {
        id: 'b',
        dimension: 'security',
        title: t('B'),
        questions: [
          {
            id: 'identity',
            kind: 'yes_no',
            weight: 2,
            critical: 'evaluation',
            comment: 'when_lost',
            text: t('Identidad')
          },
          {
            id: 'resolution',
            kind: 'choice',
            weight: 10,
            allowNa: true,
            text: t('Resolución'),
            options: [
              { id: 'full', score: 1, label: t('Resuelta') },
              { id: 'half', score: 0.5, label: t('Escalada') },
              { id: 'none', score: 0, label: t('No') }
            ]
          }
        ]
      }
    ],
    ...input
  })
}

export const answer = (
  questionId: string,
  value: string | number | null,
  extra: Partial<EvaluationAnswer> = {}
): EvaluationAnswer => ({ questionId, value, na: false, comment: '', ...extra })

export const na = (questionId: string): EvaluationAnswer => ({
  questionId,
  value: null,
  na: true,
  comment: ''
})
