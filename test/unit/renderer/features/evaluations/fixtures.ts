/**
 * Forms, evaluations and call facts for the evaluations UI's tests: the seeded service-quality
 * form, a small form with every kind of question, and records with hostile names.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

import type { LocalEvaluation } from '@shared/contract/worker'
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { Evaluation, PublishedForm } from '@shared/evaluations/evaluation'
import type { CallContext } from '@shared/evaluations/evaluation-api'
import { formDefinitionSchema, type FormDefinition } from '@shared/evaluations/form-schema'
import { checkFormSource } from '@shared/evaluations/form-source'
import { scoreSummary } from '@shared/evaluations/score-summary'

export const SEEDED: FormDefinition = (() => {
  const text = readFileSync(
    resolve(import.meta.dirname, '../../../../../resources/evaluation-forms/service-quality.yaml'),
    'utf8'
  )
  const { form } = checkFormSource(text)
  if (form === null) throw new Error('the seeded form does not load')
  return form
})()

/** One question of each kind and rule: the tests' own small form. */
export const SMALL: FormDefinition = formDefinitionSchema.parse({
  id: 'small',
  kind: 'quality',
  title: { es: 'Formulario corto', en: 'Short form' },
  passMark: 70,
  sections: [
    {
      id: 'manner',
      dimension: 'courtesy',
      title: { es: 'Trato', en: 'Manner' },
      questions: [
        {
          id: 'greeting',
          kind: 'yes_no',
          weight: 4,
          text: { es: 'Saludó', en: 'Greeted' },
          help: { es: 'Con el saludo del centro', en: "With the centre's greeting" }
        },
        {
          id: 'hold',
          kind: 'yes_no',
          weight: 2,
          allowNa: true,
          text: { es: 'Pidió permiso para la espera', en: 'Asked before holding' }
        },
        {
          id: 'tone',
          kind: 'scale',
          weight: 4,
          scale: { min: 1, max: 5 },
          comment: 'when_lost',
          text: { es: 'Tono', en: 'Tone' }
        }
      ]
    },
    {
      id: 'safety',
      dimension: 'security',
      title: { es: 'Seguridad', en: 'Safety' },
      questions: [
        {
          id: 'identity',
          kind: 'yes_no',
          weight: 5,
          critical: 'evaluation',
          comment: 'when_lost',
          text: { es: 'Verificó la identidad', en: 'Verified identity' }
        },
        {
          id: 'unhappy',
          kind: 'yes_no',
          weight: 0,
          text: { es: '¿Cliente molesto?', en: 'Customer upset?' }
        },
        {
          id: 'recovery',
          kind: 'choice',
          weight: 5,
          showIf: { question: 'unhappy', in: ['yes'] },
          options: [
            { id: 'solved', score: 1, label: { es: 'Lo resolvió', en: 'Solved it' } },
            { id: 'ignored', score: 0, fails: true, label: { es: 'Lo ignoró', en: 'Ignored it' } }
          ],
          critical: 'section',
          text: { es: 'Recuperación', en: 'Recovery' }
        }
      ]
    },
    {
      id: 'notes',
      title: { es: 'Notas', en: 'Notes' },
      questions: [
        {
          id: 'notes',
          kind: 'text',
          weight: 0,
          comment: 'required',
          text: { es: 'Observaciones', en: 'Observations' }
        }
      ]
    }
  ]
})

export const published = (
  definition: FormDefinition,
  over: Partial<PublishedForm> = {}
): PublishedForm => ({
  formId: definition.id,
  version: 1,
  kind: definition.kind,
  definition,
  publishedAt: '2026-12-01T09:00:00Z',
  retired: false,
  ...over
})

export const yes = (questionId: string, comment = ''): EvaluationAnswer => ({
  questionId,
  value: 'yes',
  na: false,
  comment
})
export const answer = (
  questionId: string,
  value: EvaluationAnswer['value'],
  over: Partial<EvaluationAnswer> = {}
): EvaluationAnswer => ({ questionId, value, na: false, comment: '', ...over })

export const HOSTILE = '<img src=x onerror=alert(1)>\u202eAna'
export const ME = {
  id: '00000000-0000-4000-8000-00000000000a',
  role: 'team_lead' as const,
  teamId: '00000000-0000-4000-8000-0000000000f1'
}
export const AGENT_ID = '00000000-0000-4000-8000-000000000001'
export const TEAM = ME.teamId

export function evaluation(over: Partial<LocalEvaluation> = {}): LocalEvaluation {
  const answers = over.answers ?? [yes('greeting'), yes('hold'), answer('tone', 5), yes('identity')]
  const base: Evaluation = {
    id: '11111111-1111-4111-8111-111111111111',
    formId: SMALL.id,
    formVersion: 1,
    kind: 'quality',
    agentId: AGENT_ID,
    agentName: 'Ana Ortiz',
    teamId: TEAM,
    evaluatorId: ME.id,
    evaluatorName: 'Carla Méndez',
    callId: 'call-1',
    interactionId: '22222222-2222-4222-8222-222222222222',
    practice: false,
    calibration: false,
    state: 'released',
    answers,
    comment: '',
    score: scoreSummary(SMALL, answers),
    createdAt: '2026-12-05T10:00:00Z',
    updatedAt: '2026-12-05T10:05:00Z',
    releasedAt: '2026-12-05T10:05:00Z',
    dispute: null,
    resolution: null,
    history: []
  }
  return { ...base, syncState: 'synced', ...over }
}

export function callContext(over: Partial<CallContext> = {}): CallContext {
  return {
    agent: { id: AGENT_ID, name: 'Ana Ortiz', teamId: TEAM },
    callId: 'call-1',
    practice: false,
    interaction: null,
    customer: null,
    run: null,
    complaints: [],
    disposition: null,
    ...over
  }
}
