/// <reference types="node" />
/**
 * The evaluation requests at the worker's edge, offline: bad input is refused with
 * invalid_argument and nothing is written; what the server would refuse and the desk can tell
 * (the wrong person, the wrong state, an incomplete release naming its questions, a retired or
 * mismatched form, a second counted evaluation of a call) is answered at once; the published
 * forms come from configuration rows (the latest change of a version wins).
 */
import { randomUUID } from 'node:crypto'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createRoutes, dispatch, type Routes } from '@renderer/workers/data/dispatcher'
import { saveEvaluation } from '@renderer/workers/data/evaluations/commands'
import { SessionHost } from '@renderer/workers/data/session/session-host'
import type { EvaluationSaveInput } from '@shared/evaluations/evaluation'
import type { Role } from '@shared/domain/user'

import { FakeSockets, json, ManualTimers, scriptedFetch } from '../../../support/worker-fakes'
import { makeStoreDir, NodeDurableFiles, removeStoreDir } from '../../../support/worker-node-files'
import { loadSql } from '../../../support/worker-store'
import {
  AGENT_ID,
  OTHER_LEAD_ID,
  TEAM_NORTE,
  TEAM_SUR,
  answer,
  formChange,
  formDefinition,
  fullMarks,
  published,
  serverEvaluation,
  userChange
} from './fixtures'

const LEAD_ID = '0b6d7f7e-55b3-4d3c-9d1e-1c2b3a4d5e6f'

function input(overrides: Partial<EvaluationSaveInput> = {}): EvaluationSaveInput {
  return {
    formId: 'quality-basic',
    formVersion: 1,
    agentId: AGENT_ID,
    callId: 'call-1',
    interactionId: null,
    practice: false,
    calibration: false,
    answers: [answer('greeting', 'yes')],
    comment: '',
    ...overrides
  }
}

describe('evaluation requests', () => {
  let dir: string
  let host: SessionHost

  async function open(role: Role, id = LEAD_ID): Promise<Routes> {
    host = new SessionHost({
      loadSql,
      filesFor: () => Promise.resolve(new NodeDurableFiles(dir)),
      acquireLock: () => Promise.resolve(() => undefined),
      // The server is down: everything here is answered from the desk.
      fetch: scriptedFetch(() => json(503, {})).fetch,
      createSocket: new FakeSockets().factory,
      timers: new ManualTimers(),
      random: () => 0.5,
      emit: () => undefined,
      newId: () => randomUUID(),
      now: () => new Date('2026-12-06T12:00:00.000Z')
    })
    const routes = createRoutes(host)
    await routes['session:open']({
      user: { id, username: 'u', displayName: 'U', role, teamId: TEAM_NORTE },
      serverUrl: 'http://127.0.0.1:9',
      tokens: { accessToken: 'a', refreshToken: 'r' }
    })
    host.session.store.applyPull(
      [
        formChange(1),
        userChange(2, LEAD_ID, 'Carla Méndez', 'team_lead', TEAM_NORTE),
        userChange(3, AGENT_ID, 'Ana Ortiz', 'agent', TEAM_NORTE)
      ],
      3
    )
    return routes
  }

  const outbox = () => host.session.store.outboxCounts()

  beforeEach(async () => {
    dir = await makeStoreDir()
  })
  afterEach(async () => {
    await host.close()
    await removeStoreDir(dir)
  })

  it('serves the published forms: the latest change of each version, the retired left out', async () => {
    const routes = await open('team_lead')
    const v2 = published({ version: 2, definition: { ...formDefinition, passMark: 90 } })
    const other = published({ formId: 'training-basic', kind: 'training', retired: true })
    host.session.store.applyPull([formChange(4, v2), formChange(5, other)], 5)
    expect(await routes['evaluation:forms']({ latestOnly: true })).toMatchObject({
      ok: true,
      data: { forms: [{ formId: 'quality-basic', version: 2 }] }
    })
    const all = await routes['evaluation:forms']({ latestOnly: false })
    expect(all.ok && all.data.forms.map((f) => `${f.formId}:${String(f.version)}`)).toEqual([
      'quality-basic:1',
      'quality-basic:2',
      'training-basic:1'
    ])
    // Retiring sends the version again: the latest change of a key wins.
    host.session.store.applyPull([formChange(6, { ...v2, retired: true })], 6)
    expect(await routes['evaluation:form']({ formId: 'quality-basic', version: 2 })).toMatchObject({
      ok: true,
      data: { form: { retired: true, definition: { passMark: 90 } } }
    })
    expect(await routes['evaluation:forms']({ latestOnly: true })).toMatchObject({
      ok: true,
      data: { forms: [] }
    })
    expect(await routes['evaluation:form']({ formId: 'quality-basic', version: 9 })).toMatchObject({
      ok: true,
      data: { form: null }
    })
    expect(await routes['evaluation:form']({ formId: 'Bad Id', version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' }
    })
  })

  it('refuses bad input with invalid_argument and writes nothing', async () => {
    const routes = await open('team_lead')
    const bad: unknown[] = [
      { ...input(), agentId: 'not-a-uuid' },
      { ...input(), formVersion: 0 },
      { ...input(), answers: [answer('greeting', 'yes'), answer('greeting', 'no')] },
      { ...input(), answers: [{ questionId: 'greeting', value: 'yes' }] },
      { ...input(), extra: true },
      { ...input(), comment: 'x'.repeat(2001) },
      // A control character in typed text is refused naming the field.
      { ...input(), comment: 'hola\u0007' }
    ]
    for (const args of bad) {
      expect(await dispatch(routes, 'evaluation:save', args)).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' }
      })
    }
    const id = randomUUID()
    const badSteps = [
      routes['evaluation:release']({ id: 'x' }),
      routes['evaluation:dispute']({ id, comment: '   ' }),
      routes['evaluation:resolve']({ id, decision: 'kept', reason: 'ok', answers: fullMarks }),
      routes['evaluation:resolve']({ id, decision: 'rescored', reason: 'ok', answers: null }),
      routes['evaluation:list']({
        agentId: null,
        callId: null,
        evaluatedByMe: false,
        states: ['lost' as 'draft'],
        includeCalibration: false,
        kind: null,
        limit: 10
      }),
      routes['evaluation:figures']({ from: '2026-13-01', to: '2026-12-31', kind: 'quality' })
    ]
    for (const answerOf of await Promise.all(badSteps)) {
      expect(answerOf).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    }
    // A question the form does not have.
    expect(
      await routes['evaluation:save'](input({ answers: [answer('nope', 'yes')] }))
    ).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: /nope/ } })
    expect(outbox()).toEqual({ pending: 0, rejected: 0 })
  })

  it('saves offline and refuses at once what the server would refuse', async () => {
    const routes = await open('team_lead')
    const saved = await routes['evaluation:save'](input())
    if (!saved.ok) throw new Error(saved.error.message)
    const draft = saved.data.evaluation
    expect(draft).toMatchObject({ evaluatorId: LEAD_ID, state: 'draft', syncState: 'pending' })

    // Incomplete: the release names each question and what it lacks.
    const incomplete = await routes['evaluation:release']({ id: draft.id })
    expect(incomplete).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'Some questions are not complete: tone, answer',
        details: {
          questionIds: ['tone', 'answer'],
          incomplete: [
            { questionId: 'tone', problem: 'unanswered' },
            { questionId: 'answer', problem: 'unanswered' }
          ]
        }
      }
    })
    const lost = input({
      id: draft.id,
      answers: [answer('greeting', 'no'), answer('tone', 5), answer('answer', 'good')]
    })
    expect(await routes['evaluation:save'](lost)).toMatchObject({ ok: true })
    expect(await routes['evaluation:release']({ id: draft.id })).toMatchObject({
      ok: false,
      error: { details: { incomplete: [{ questionId: 'greeting', problem: 'comment_required' }] } }
    })
    await routes['evaluation:save'](input({ id: draft.id, answers: fullMarks }))
    expect(await routes['evaluation:release']({ id: draft.id })).toMatchObject({
      ok: true,
      data: { evaluation: { state: 'released', syncState: 'pending' } }
    })
    expect(outbox()).toEqual({ pending: 4, rejected: 0 })

    // The wrong state, the wrong person, a second counted evaluation of the call.
    const refusals = [
      [routes['evaluation:save'](input({ id: draft.id })), 'conflict'],
      [routes['evaluation:release']({ id: draft.id }), 'conflict'],
      [routes['evaluation:acknowledge']({ id: draft.id }), 'forbidden'],
      [routes['evaluation:dispute']({ id: draft.id, comment: 'No' }), 'forbidden'],
      [routes['evaluation:save'](input()), 'conflict'],
      [routes['evaluation:release']({ id: randomUUID() }), 'not_found'],
      [routes['evaluation:save'](input({ formVersion: 3, callId: 'call-2' })), 'not_found'],
      [routes['evaluation:save'](input({ practice: true, callId: 'call-2' })), 'forbidden'],
      [routes['evaluation:save'](input({ agentId: LEAD_ID, callId: 'call-2' })), 'forbidden']
    ] as const
    for (const [answerOf, code] of refusals) {
      expect(await answerOf).toMatchObject({ ok: false, error: { code } })
    }
    // Another evaluator's draft is theirs to change and release.
    const theirs = serverEvaluation({ state: 'draft', releasedAt: null, callId: 'call-3' })
    host.session.store.applyPull([{ seq: 10, entity: 'evaluation', data: theirs }], 10)
    expect(
      await routes['evaluation:save'](input({ id: theirs.id, callId: 'call-3' }))
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await routes['evaluation:release']({ id: theirs.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' }
    })
    // A calibration evaluation of a call already evaluated is fine.
    expect(
      await routes['evaluation:save'](input({ calibration: true, callId: 'call-3' }))
    ).toMatchObject({ ok: true, data: { evaluation: { calibration: true } } })
    expect(outbox()).toEqual({ pending: 5, rejected: 0 })
  })

  it('refuses evaluations by role and team before writing', async () => {
    await open('team_lead')
    const store = host.session.store
    store.applyPull(
      [
        userChange(20, OTHER_LEAD_ID, 'Diego', 'agent', TEAM_SUR),
        formChange(
          21,
          published({
            formId: 'training-basic',
            kind: 'training',
            definition: { ...formDefinition, id: 'training-basic', kind: 'training' }
          })
        ),
        formChange(
          22,
          published({
            formId: 'sur-only',
            definition: {
              ...formDefinition,
              id: 'sur-only',
              scope: { teams: [TEAM_SUR], scripts: [] }
            }
          })
        )
      ],
      22
    )
    const as = (role: Role) => ({ userId: LEAD_ID, role })
    await expect(saveEvaluation(store, input(), as('agent'))).rejects.toThrow('Agents do not')
    await expect(saveEvaluation(store, input(), as('trainer'))).rejects.toThrow(
      'Trainers evaluate practice calls only'
    )
    await expect(saveEvaluation(store, input({ practice: true }), as('trainer'))).rejects.toThrow(
      'The form quality-basic v1 scores production calls; this is a practice call'
    )
    await expect(
      saveEvaluation(store, input({ formId: 'training-basic' }), as('admin'))
    ).rejects.toThrow('scores practice calls; this is a production call')
    await expect(
      saveEvaluation(store, input({ formId: 'training-basic', practice: true }), as('trainer'))
    ).resolves.toMatchObject({ kind: 'training', practice: true, teamId: null })
    await expect(
      saveEvaluation(store, input({ agentId: OTHER_LEAD_ID }), as('team_lead'))
    ).rejects.toThrow('Only a lead of the agent’s team')
    await expect(
      saveEvaluation(store, input({ formId: 'sur-only', callId: 'call-9' }), as('admin'))
    ).rejects.toThrow('does not apply to this team')
    await expect(
      saveEvaluation(store, input({ agentId: OTHER_LEAD_ID, callId: 'call-9' }), as('admin'))
    ).resolves.toMatchObject({ agentName: 'Diego' })
    expect(store.outboxCounts()).toEqual({ pending: 2, rejected: 0 })
  })

  it('lets a lead of the agent’s team resolve a dispute, with complete answers to re-score', async () => {
    const routes = await open('team_lead')
    const disputed = serverEvaluation({ state: 'disputed', dispute: { at: 'x', comment: 'No' } })
    const elsewhere = serverEvaluation({ state: 'disputed', teamId: TEAM_SUR, callId: 'call-8' })
    host.session.store.applyPull(
      [
        { seq: 10, entity: 'evaluation', data: disputed },
        { seq: 11, entity: 'evaluation', data: elsewhere }
      ],
      11
    )
    expect(
      await routes['evaluation:resolve']({
        id: elsewhere.id,
        decision: 'kept',
        reason: 'Bien puntuada',
        answers: null
      })
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(
      await routes['evaluation:resolve']({
        id: disputed.id,
        decision: 'rescored',
        reason: 'Revisada',
        answers: [answer('greeting', 'yes')]
      })
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', details: { incomplete: [{ questionId: 'tone' }, {}] } }
    })
    const resolved = await routes['evaluation:resolve']({
      id: disputed.id,
      decision: 'rescored',
      reason: 'Revisada',
      answers: [answer('greeting', 'yes'), answer('tone', 3), answer('answer', 'good')]
    })
    expect(resolved).toMatchObject({
      ok: true,
      data: {
        evaluation: {
          state: 'resolved',
          syncState: 'pending',
          score: { percent: 83.3 },
          resolution: { decision: 'rescored', byId: LEAD_ID, byName: 'Carla Méndez' }
        }
      }
    })
    expect(
      await routes['evaluation:resolve']({
        id: disputed.id,
        decision: 'kept',
        reason: 'Otra vez',
        answers: null
      })
    ).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(outbox()).toEqual({ pending: 1, rejected: 0 })
  })
})
