/**
 * Each evaluation step as the desk shows it before the server answers: the state, the score
 * (weights, not applicable, critical items, conditional questions, with the shared scoring) and
 * one history entry per step, as the server will record them; a step the state does not allow
 * changes nothing.
 */
import { randomUUID } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import {
  applyStep,
  SELF,
  type EvaluationMutation,
  type StepContext
} from '@renderer/workers/data/evaluations/steps'
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { Evaluation } from '@shared/evaluations/evaluation'

import {
  AGENT_ID,
  TEAM_NORTE,
  answer,
  formDefinition,
  fullMarks,
  serverEvaluation
} from './fixtures'

const context: StepContext = {
  form: (formId, version) =>
    formId === formDefinition.id && version === 1 ? formDefinition : null,
  person: (id) => (id === AGENT_ID ? { name: 'Ana Ortiz', teamId: TEAM_NORTE } : null)
}

const id = randomUUID()

function save(
  overrides: Partial<Extract<EvaluationMutation, { name: 'evaluation.save' }>['args']> = {}
): EvaluationMutation {
  return {
    id: randomUUID(),
    name: 'evaluation.save',
    args: {
      id,
      formId: formDefinition.id,
      formVersion: 1,
      agentId: AGENT_ID,
      callId: 'call-1',
      interactionId: null,
      practice: false,
      calibration: false,
      answers: [answer('greeting', 'yes')],
      comment: 'Buen inicio',
      savedAt: '2026-12-06T10:00:00.000Z',
      ...overrides
    }
  }
}

const at = (minute: number) => `2026-12-06T10:${String(minute).padStart(2, '0')}:00.000Z`

function step(base: Evaluation | null, mutation: EvaluationMutation): Evaluation {
  const next = applyStep(base, mutation, context)
  if (next === null) throw new Error('no evaluation')
  return next
}

describe('evaluation steps on the desk', () => {
  it('creates a draft scored with the form, the agent named and one history entry', () => {
    const draft = step(null, save())
    expect(draft).toMatchObject({
      id,
      kind: 'quality',
      agentName: 'Ana Ortiz',
      teamId: TEAM_NORTE,
      evaluatorId: SELF,
      state: 'draft',
      createdAt: at(0),
      updatedAt: at(0),
      releasedAt: null,
      // Unanswered questions still count as possible points: 10 of 30.
      score: { percent: 33.3, earned: 10, possible: 30, criticalFailed: false, complete: false }
    })
    expect(draft.history).toEqual([
      {
        at: at(0),
        actorId: SELF,
        actorName: SELF,
        action: 'created',
        comment: '',
        percent: draft.score.percent,
        criticalFailed: false
      }
    ])
  })

  it('scores weights, not applicable, critical items and conditional questions', () => {
    const scored = (answers: EvaluationAnswer[]) => step(null, save({ answers })).score
    expect(scored(fullMarks)).toMatchObject({ percent: 100, passed: true, complete: true })
    // Not applicable counts neither way: 20 possible, not 30.
    expect(
      scored([
        answer('greeting', 'yes'),
        answer('tone', null, { na: true }),
        answer('answer', 'good')
      ])
    ).toMatchObject({ percent: 100, possible: 20, complete: true })
    // A scale earns in proportion: 3 of 1–5 is half of its 10 points.
    expect(
      scored([answer('greeting', 'yes'), answer('tone', 3), answer('answer', 'good')])
    ).toMatchObject({ percent: 83.3, earned: 25, passed: true })
    // A failed evaluation-critical item fails it whatever the percentage, and wants its comment.
    expect(
      scored([answer('greeting', 'no'), answer('tone', 5), answer('answer', 'good')])
    ).toMatchObject({ percent: 66.7, criticalFailed: true, passed: false, complete: false })
    // A failed section-critical item scores its section 0.
    const wrong = scored([answer('greeting', 'yes'), answer('tone', 5), answer('answer', 'wrong')])
    expect(wrong).toMatchObject({ percent: 66.7, criticalFailed: false, passed: false })
    expect(wrong.sections).toEqual([
      { sectionId: 'courtesy', dimension: 'courtesy', percent: 100, failed: false },
      { sectionId: 'knowledge', dimension: 'knowledge', percent: 0, failed: true }
    ])
    // "Partial" asks the follow-up question: unanswered, it is possible points and incomplete.
    expect(
      scored([answer('greeting', 'yes'), answer('tone', 5), answer('answer', 'partial')])
    ).toMatchObject({ earned: 25, possible: 35, percent: 71.4, complete: false })
  })

  it('re-scores a draft on each save, and leaves anything but a draft alone', () => {
    const draft = step(null, save())
    const resaved = step(draft, save({ answers: fullMarks, savedAt: at(5), calibration: true }))
    expect(resaved).toMatchObject({ calibration: true, updatedAt: at(5), createdAt: at(0) })
    expect(resaved.score).toMatchObject({ percent: 100, complete: true })
    expect(resaved.history.map((h) => h.action)).toEqual(['created', 'rescored'])
    // The same save again (re-sent after a lost answer) records nothing, as on the server.
    const same = save({ answers: fullMarks, savedAt: at(6), calibration: true })
    expect(applyStep(resaved, same, context)).toBe(resaved)
    const released = serverEvaluation()
    expect(applyStep(released, save({ id: released.id }), context)).toBe(released)
  })

  it('releases a complete draft to the agent, and submits a calibration one', () => {
    const complete = step(null, save({ answers: fullMarks }))
    const released = step(complete, {
      id: randomUUID(),
      name: 'evaluation.release',
      args: { id, at: at(9) }
    })
    expect(released).toMatchObject({ state: 'released', releasedAt: at(9), updatedAt: at(9) })
    expect(released.history.at(-1)).toMatchObject({
      action: 'released',
      actorId: SELF,
      percent: 100
    })

    const calibration = step(null, save({ answers: fullMarks, calibration: true }))
    const submitted = step(calibration, {
      id: randomUUID(),
      name: 'evaluation.release',
      args: { id, at: at(9) }
    })
    expect(submitted).toMatchObject({ state: 'submitted', releasedAt: null })
    expect(submitted.history.at(-1)?.action).toBe('submitted')

    const incomplete = step(null, save())
    const release = {
      id: randomUUID(),
      name: 'evaluation.release',
      args: { id, at: at(9) }
    } as const
    expect(applyStep(incomplete, release, context)).toBe(incomplete)
  })

  it('lets the agent acknowledge or dispute a released one, in the agent’s name', () => {
    const released = serverEvaluation()
    const ack = step(released, {
      id: randomUUID(),
      name: 'evaluation.acknowledge',
      args: { id: released.id, at: at(20) }
    })
    expect(ack).toMatchObject({ state: 'acknowledged', updatedAt: at(20) })
    expect(ack.history.at(-1)).toMatchObject({
      action: 'acknowledged',
      actorId: AGENT_ID,
      actorName: 'Ana Ortiz'
    })
    const dispute = {
      id: randomUUID(),
      name: 'evaluation.dispute',
      args: { id: released.id, at: at(21), comment: 'Sí saludé' }
    } as const
    const disputed = step(released, dispute)
    expect(disputed).toMatchObject({
      state: 'disputed',
      dispute: { at: at(21), comment: 'Sí saludé' }
    })
    expect(disputed.history.at(-1)).toMatchObject({ action: 'disputed', comment: 'Sí saludé' })
    // Acknowledged already: a dispute changes nothing (the server refuses it).
    expect(applyStep(ack, dispute, context)).toBe(ack)
  })

  it('resolves a dispute keeping the score, or re-scoring with the new answers', () => {
    const disputed = serverEvaluation({
      state: 'disputed',
      dispute: { at: at(21), comment: 'No' },
      answers: [
        answer('greeting', 'no', { comment: 'Sin saludo' }),
        answer('tone', 5),
        answer('answer', 'good')
      ],
      score: { ...serverEvaluation().score, percent: 66.7, criticalFailed: true, passed: false }
    })
    const kept = step(disputed, {
      id: randomUUID(),
      name: 'evaluation.resolve',
      args: { id: disputed.id, at: at(30), decision: 'kept', reason: 'Se oye', answers: null }
    })
    expect(kept).toMatchObject({
      state: 'resolved',
      resolution: { decision: 'kept', reason: 'Se oye', byId: SELF },
      score: { percent: 66.7, criticalFailed: true }
    })
    expect(kept.history.at(-1)).toMatchObject({
      action: 'resolved_kept',
      comment: 'Se oye',
      percent: 66.7
    })

    const rescored = step(disputed, {
      id: randomUUID(),
      name: 'evaluation.resolve',
      args: {
        id: disputed.id,
        at: at(30),
        decision: 'rescored',
        reason: 'Sí saludó',
        answers: fullMarks
      }
    })
    expect(rescored).toMatchObject({
      state: 'resolved',
      answers: fullMarks,
      score: { percent: 100, criticalFailed: false, passed: true }
    })
    expect(rescored.history.at(-1)).toMatchObject({ action: 'resolved_rescored', percent: 100 })
  })
})
