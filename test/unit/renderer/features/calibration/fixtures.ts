/** A two-section form and a call scored by three evaluators, for the calibration tests. */
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { Evaluation } from '@shared/evaluations/evaluation'
import { formDefinitionSchema, type FormDefinition } from '@shared/evaluations/form-schema'
import { scoreSummary } from '@shared/evaluations/score-summary'

export const AGENT = '11111111-1111-4111-8111-111111111111'
export const CARLA = '22222222-2222-4222-8222-222222222222'
export const LUIS = '33333333-3333-4333-8333-333333333333'
export const MARTA = '44444444-4444-4444-8444-444444444444'
export const ADMIN = '55555555-5555-4555-8555-555555555555'
export const HOSTILE = '<img src=x onerror=alert(1)>\u202eLuis'

export const form: FormDefinition = formDefinitionSchema.parse({
  id: 'mini',
  kind: 'quality',
  title: { es: 'Mini', en: 'Mini' },
  passMark: 80,
  sections: [
    {
      id: 'courtesy',
      dimension: 'courtesy',
      title: { es: 'Cortesía', en: 'Courtesy' },
      questions: [
        {
          id: 'greets',
          kind: 'yes_no',
          weight: 5,
          critical: 'evaluation',
          text: { es: 'Saludó', en: 'Greeted' }
        },
        {
          id: 'tone',
          kind: 'scale',
          scale: { min: 1, max: 5 },
          weight: 5,
          text: { es: 'Tono amable', en: 'Friendly tone' }
        }
      ]
    },
    {
      id: 'empathy',
      dimension: 'empathy',
      title: { es: 'Empatía', en: 'Empathy' },
      questions: [
        {
          id: 'listens',
          kind: 'yes_no',
          weight: 4,
          allowNa: true,
          text: { es: 'Escuchó sin interrumpir', en: 'Listened without interrupting' }
        }
      ]
    }
  ]
})

const yes = (questionId: string): EvaluationAnswer => ({
  questionId,
  value: 'yes',
  na: false,
  comment: ''
})

export const refAnswers: EvaluationAnswer[] = [
  yes('greets'),
  { questionId: 'tone', value: 5, na: false, comment: '' },
  yes('listens')
]

export function evaluation(over: Partial<Evaluation> & { id: string }): Evaluation {
  const answers = over.answers ?? refAnswers
  return {
    formId: 'mini',
    formVersion: 1,
    kind: 'quality',
    agentId: AGENT,
    agentName: 'Ana Pérez',
    teamId: null,
    evaluatorId: CARLA,
    evaluatorName: 'Carla Méndez',
    callId: 'call-1',
    interactionId: null,
    practice: false,
    calibration: false,
    state: 'released',
    comment: '',
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    releasedAt: null,
    dispute: null,
    resolution: null,
    history: [],
    ...over,
    answers,
    score: scoreSummary(form, answers)
  }
}

/** Carla's original, Luis's submitted calibration (greets "no", tone 4), Marta's draft. */
export function threeEvaluators(): Evaluation[] {
  return [
    evaluation({ id: 'e-carla' }),
    evaluation({
      id: 'e-luis',
      evaluatorId: LUIS,
      evaluatorName: 'Luis Gómez',
      calibration: true,
      state: 'submitted',
      createdAt: '2026-12-02T10:00:00.000Z',
      updatedAt: '2026-12-02T10:00:00.000Z',
      answers: [
        { ...yes('greets'), value: 'no' },
        { questionId: 'tone', value: 4, na: false, comment: '' },
        yes('listens')
      ]
    }),
    evaluation({
      id: 'e-marta',
      evaluatorId: MARTA,
      evaluatorName: 'Marta Gil',
      calibration: true,
      state: 'draft',
      createdAt: '2026-12-03T10:00:00.000Z',
      updatedAt: '2026-12-03T10:00:00.000Z',
      answers: [yes('greets'), { questionId: 'tone', value: 5, na: false, comment: '' }]
    })
  ]
}
