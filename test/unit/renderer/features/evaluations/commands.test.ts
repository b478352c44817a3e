/**
 * The evaluation commands against a fake data client: publishing saves what is on screen first
 * and releases the saved id, a failed save releases nothing, keeping a score sends no answers,
 * and without a worker nothing is sent.
 */
import { describe, expect, it } from 'vitest'

import { appError } from '@shared/contract/errors'
import { fail, ok, type Result } from '@shared/contract/result'
import type { EvaluationSaveInput } from '@shared/evaluations/evaluation'
import {
  disputeEvaluation,
  releaseEvaluation,
  resolveDispute,
  type EvaluationClient
} from '@renderer/features/evaluations/commands'

import { AGENT_ID, evaluation, yes } from './fixtures'

function fakeClient(answers: Record<string, Result<unknown>>) {
  const sent: { name: string; args: unknown }[] = []
  const client = {
    send: (name: string, args: unknown) => {
      sent.push({ name, args })
      return Promise.resolve(answers[name] ?? fail(appError('internal', `no fake for ${name}`)))
    }
  } as unknown as EvaluationClient
  return { client, sent }
}

const input: EvaluationSaveInput = {
  formId: 'small',
  formVersion: 1,
  agentId: AGENT_ID,
  callId: 'call-1',
  interactionId: null,
  practice: false,
  calibration: false,
  answers: [yes('greeting')],
  comment: ''
}

describe('the evaluation commands', () => {
  it('publish the answers on screen: save, then release the saved evaluation', async () => {
    const saved = evaluation({ state: 'draft' })
    const { client, sent } = fakeClient({
      'evaluation:save': ok({ evaluation: saved }),
      'evaluation:release': ok({ evaluation: { ...saved, state: 'released' } })
    })
    const result = await releaseEvaluation(client, input)
    expect(result.ok && result.data.state).toBe('released')
    expect(sent).toEqual([
      { name: 'evaluation:save', args: input },
      { name: 'evaluation:release', args: { id: saved.id } }
    ])
  })

  it('release nothing when the save is refused, and say why', async () => {
    const { client, sent } = fakeClient({
      'evaluation:save': fail(appError('invalid_argument', 'Respuesta no válida'))
    })
    expect(await releaseEvaluation(client, input)).toEqual({
      ok: false,
      message: 'Respuesta no válida'
    })
    expect(sent.map((s) => s.name)).toEqual(['evaluation:save'])
  })

  it('keep a score with no answers, re-score with them, the reason trimmed', async () => {
    const { client, sent } = fakeClient({ 'evaluation:resolve': ok({ evaluation: evaluation() }) })
    const id = evaluation().id
    await resolveDispute(client, {
      id,
      decision: 'kept',
      reason: ' fair ',
      answers: [yes('greeting')]
    })
    await resolveDispute(client, {
      id,
      decision: 'rescored',
      reason: 'ok',
      answers: [yes('greeting')]
    })
    expect(sent.map((s) => s.args)).toEqual([
      { id, decision: 'kept', reason: 'fair', answers: null },
      { id, decision: 'rescored', reason: 'ok', answers: [yes('greeting')] }
    ])
  })

  it('send nothing without a worker (the view words it)', async () => {
    expect(await disputeEvaluation(null, 'x', 'no')).toEqual({ ok: false, message: null })
    expect(await releaseEvaluation(null, input)).toEqual({ ok: false, message: null })
  })
})
