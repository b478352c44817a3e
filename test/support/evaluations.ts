/**
 * Evaluations in server tests: small forms whose scores are easy to work out by hand, the
 * mutations of an evaluation's life, and reading evaluations back through the pull.
 *
 * The quality form `test-quality` (pass mark 70): courtesy (greet yes/no 4 points, tone 1–5
 * scale 4 points, may be n/a) and security (verify yes/no 2 points, critical for the whole
 * evaluation, comment when lost). Answer sets, with their scores:
 * - `good`: greet yes, tone 3, verify yes → courtesy 75, security 100, total 80 (passed).
 * - `poor`: greet no, tone n/a, verify yes → courtesy 0, security 100, total 33.3 (failed).
 * - `critical`: greet yes, tone 5, verify no → courtesy 100, security 0, total 80, failed
 *   critically.
 */
import { randomUUID } from 'node:crypto'

import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { Evaluation } from '@shared/evaluations/evaluation'
import type { ZodApp } from '@server/http/route-context'
import { pullAll } from './server-app'

const yesNo = (id: string, weight: number, extra = '') => `
      - id: ${id}
        kind: yes_no
        weight: ${String(weight)}${extra}
        text: { es: Pregunta ${id}, en: Question ${id} }`

/** A quality or training form's YAML; `scope` is inserted as is (YAML lines under `scope:`). */
export function testFormSource(
  options: { id?: string; kind?: 'quality' | 'training'; scope?: string; title?: string } = {}
): string {
  const kind = options.kind ?? 'quality'
  return `id: ${options.id ?? (kind === 'quality' ? 'test-quality' : 'test-training')}
kind: ${kind}
title: { es: ${options.title ?? 'Formulario de prueba'}, en: Test form }
${options.scope ? `scope:\n${options.scope}\n` : ''}passMark: 70
sections:
  - id: courtesy
    dimension: courtesy
    title: { es: Cortesía, en: Courtesy }
    questions:${yesNo('greet', 4)}
      - id: tone
        kind: scale
        scale: { min: 1, max: 5 }
        weight: 4
        allowNa: true
        text: { es: Tono, en: Tone }
  - id: security
    dimension: security
    title: { es: Seguridad, en: Security }
    questions:${yesNo('verify', 2, '\n        critical: evaluation\n        comment: when_lost')}
`
}

const answer = (questionId: string, value: string | number | null, comment = '') => ({
  questionId,
  value,
  na: value === null,
  comment
})

export const answerSets = {
  good: [answer('greet', 'yes'), answer('tone', 3), answer('verify', 'yes')],
  poor: [answer('greet', 'no'), answer('tone', null), answer('verify', 'yes')],
  critical: [answer('greet', 'yes'), answer('tone', 5), answer('verify', 'no', 'No verificó')],
  partial: [answer('greet', 'yes')]
} satisfies Record<string, EvaluationAnswer[]>

export interface SaveOptions {
  id?: string
  agentId: string
  callId: string
  formId?: string
  formVersion?: number
  practice?: boolean
  calibration?: boolean
  interactionId?: string | null
  answers?: EvaluationAnswer[]
  comment?: string
  savedAt?: string
}

export function saveMutation(o: SaveOptions) {
  return {
    id: randomUUID(),
    name: 'evaluation.save',
    args: {
      id: o.id ?? randomUUID(),
      formId: o.formId ?? 'test-quality',
      formVersion: o.formVersion ?? 1,
      agentId: o.agentId,
      callId: o.callId,
      interactionId: o.interactionId ?? null,
      practice: o.practice ?? false,
      calibration: o.calibration ?? false,
      answers: o.answers ?? answerSets.good,
      comment: o.comment ?? '',
      savedAt: o.savedAt ?? '2026-11-24T11:00:00.000Z'
    }
  }
}

export const stepMutation = (
  name: 'evaluation.release' | 'evaluation.acknowledge',
  id: string,
  at = '2026-11-24T11:05:00.000Z'
) => ({ id: randomUUID(), name, args: { id, at } })

export const disputeMutation = (id: string, comment: string, at = '2026-11-24T12:00:00.000Z') => ({
  id: randomUUID(),
  name: 'evaluation.dispute',
  args: { id, at, comment }
})

export const resolveMutation = (
  id: string,
  decision: 'kept' | 'rescored',
  reason: string,
  answers: EvaluationAnswer[] | null = null,
  at = '2026-11-24T13:00:00.000Z'
) => ({ id: randomUUID(), name: 'evaluation.resolve', args: { id, at, decision, reason, answers } })

/** The versions of evaluation `id` a user pulls, oldest first (each change sends it whole). */
export async function pulledEvaluations(app: ZodApp, token: string, id: string) {
  const { changes } = await pullAll(app, token)
  return changes.flatMap((c) => (c.entity === 'evaluation' && c.data.id === id ? [c.data] : []))
}

export async function latestPulled(
  app: ZodApp,
  token: string,
  id: string
): Promise<Evaluation | null> {
  const all = await pulledEvaluations(app, token, id)
  return all[all.length - 1] ?? null
}

/** Uploads and publishes a form as the admin; returns its version. */
export async function publishForm(app: ZodApp, adminToken: string, source: string) {
  const headers = { authorization: `Bearer ${adminToken}` }
  const uploaded = await app.inject({
    method: 'POST',
    url: '/api/evaluation-forms',
    headers,
    payload: { source }
  })
  if (uploaded.statusCode !== 201) throw new Error(`upload: ${uploaded.body}`)
  const { formId, version } = uploaded.json<{ formId: string; version: number }>()
  const published = await app.inject({
    method: 'POST',
    url: `/api/evaluation-forms/${formId}/versions/${String(version)}/publish`,
    headers
  })
  if (published.statusCode !== 200) throw new Error(`publish: ${published.body}`)
  return version
}
