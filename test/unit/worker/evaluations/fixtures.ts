/**
 * A small quality form and the pulled rows an evaluation needs on a desk (the form version, the
 * team directory), for the worker's evaluation tests.
 */
import { randomUUID } from 'node:crypto'

import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { Evaluation, PublishedForm } from '@shared/evaluations/evaluation'
import { formDefinitionSchema, type FormDefinitionInput } from '@shared/evaluations/form-schema'
import type { Change } from '@shared/sync/protocol'

export const TEAM_NORTE = '5e0a1c2d-3b4f-4a5b-8c6d-7e8f9a0b1c2d'
export const TEAM_SUR = '6f1b2d3e-4c5a-4b6c-9d7e-8f9a0b1c2d3e'
export const AGENT_ID = '2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
export const OTHER_LEAD_ID = '3b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e'

const text = (es: string) => ({ es, en: es })

/**
 * Courtesy: a critical yes/no (fails the evaluation, comment when lost) and a 1–5 scale that
 * may be not applicable. Knowledge: a choice whose "wrong" fails its section, a yes/no asked
 * only after "partial", and free notes.
 */
export const formInput: FormDefinitionInput = {
  id: 'quality-basic',
  kind: 'quality',
  title: text('Calidad básica'),
  passMark: 80,
  sections: [
    {
      id: 'courtesy',
      dimension: 'courtesy',
      title: text('Cortesía'),
      questions: [
        {
          id: 'greeting',
          kind: 'yes_no',
          text: text('Saludó'),
          weight: 10,
          critical: 'evaluation',
          comment: 'when_lost'
        },
        {
          id: 'tone',
          kind: 'scale',
          text: text('Tono'),
          weight: 10,
          scale: { min: 1, max: 5 },
          allowNa: true
        }
      ]
    },
    {
      id: 'knowledge',
      dimension: 'knowledge',
      title: text('Conocimiento'),
      questions: [
        {
          id: 'answer',
          kind: 'choice',
          text: text('Respuesta'),
          weight: 10,
          critical: 'section',
          options: [
            { id: 'good', label: text('Buena'), score: 1 },
            { id: 'partial', label: text('Parcial'), score: 0.5 },
            { id: 'wrong', label: text('Errónea'), score: 0, fails: true }
          ]
        },
        {
          id: 'followup',
          kind: 'yes_no',
          text: text('Ofreció seguimiento'),
          weight: 5,
          showIf: { question: 'answer', in: ['partial'] }
        },
        { id: 'notes', kind: 'text', text: text('Notas'), weight: 0 }
      ]
    }
  ]
}

export const formDefinition = formDefinitionSchema.parse(formInput)

export function published(overrides: Partial<PublishedForm> = {}): PublishedForm {
  return {
    formId: formDefinition.id,
    version: 1,
    kind: 'quality',
    definition: formDefinition,
    publishedAt: '2026-12-01T09:00:00.000Z',
    retired: false,
    ...overrides
  }
}

export const formChange = (seq: number, form: PublishedForm = published()): Change => ({
  seq,
  entity: 'evaluation_form',
  data: form
})

export function userChange(
  seq: number,
  id: string,
  displayName: string,
  role: 'agent' | 'team_lead' | 'trainer' | 'admin',
  teamId: string | null
): Change {
  return {
    seq,
    entity: 'user',
    data: { id, username: displayName.toLowerCase(), displayName, role, teamId, sipExtension: null }
  }
}

export function answer(
  questionId: string,
  value: EvaluationAnswer['value'],
  extra: Partial<EvaluationAnswer> = {}
): EvaluationAnswer {
  return { questionId, value, na: false, comment: '', ...extra }
}

/** Every asked question answered in full: 100 %. */
export const fullMarks: EvaluationAnswer[] = [
  answer('greeting', 'yes'),
  answer('tone', 5),
  answer('answer', 'good')
]

/** The server's version of an evaluation, as pulled. */
export function serverEvaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    id: randomUUID(),
    formId: formDefinition.id,
    formVersion: 1,
    kind: 'quality',
    agentId: AGENT_ID,
    agentName: 'Ana Ortiz',
    teamId: TEAM_NORTE,
    evaluatorId: OTHER_LEAD_ID,
    evaluatorName: 'Elena Robles',
    callId: 'call-7',
    interactionId: null,
    practice: false,
    calibration: false,
    state: 'released',
    answers: fullMarks,
    comment: '',
    score: {
      percent: 100,
      earned: 30,
      possible: 30,
      criticalFailed: false,
      passed: true,
      complete: true,
      sections: []
    },
    createdAt: '2026-12-06T09:00:00.000Z',
    updatedAt: '2026-12-06T09:30:00.000Z',
    releasedAt: '2026-12-06T09:30:00.000Z',
    dispute: null,
    resolution: null,
    history: [
      {
        at: '2026-12-06T09:00:00.000Z',
        actorId: OTHER_LEAD_ID,
        actorName: 'Elena Robles',
        action: 'created',
        comment: '',
        percent: 100,
        criticalFailed: false
      },
      {
        at: '2026-12-06T09:30:00.000Z',
        actorId: OTHER_LEAD_ID,
        actorName: 'Elena Robles',
        action: 'released',
        comment: '',
        percent: 100,
        criticalFailed: false
      }
    ],
    ...overrides
  }
}
