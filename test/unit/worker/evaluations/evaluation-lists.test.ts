/**
 * The evaluation lists from the local store, newest first: by agent, by call, the ones this
 * user scored (a draft written here too, before the server names its evaluator), by state and
 * kind, calibration ones only when asked for; and the agent's badge of released ones waiting.
 */
import { randomUUID } from 'node:crypto'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { acknowledgeEvaluation, saveEvaluation } from '@renderer/workers/data/evaluations/commands'
import { awaitingCount, listEvaluations, meOf } from '@renderer/workers/data/evaluations/queries'
import type { LocalStore } from '@renderer/workers/data/store/local-store'
import type { EvaluationListQuery } from '@shared/contract/worker'
import type { Evaluation } from '@shared/evaluations/evaluation'
import { TEST_USER_ID, openTestStore } from '@support/worker-store'

import { makeStoreDir, removeStoreDir } from '../../../support/worker-node-files'
import { AGENT_ID, TEAM_NORTE, answer, formChange, serverEvaluation, userChange } from './fixtures'

const OTHER_AGENT = randomUUID()
const TRAINEE = randomUUID()

const everything: EvaluationListQuery = {
  agentId: null,
  callId: null,
  evaluatedByMe: false,
  states: null,
  includeCalibration: false,
  kind: null,
  limit: 50
}

const at = (hour: number) => `2026-12-06T${String(hour).padStart(2, '0')}:00:00.000Z`

describe('evaluation lists', () => {
  let dir = ''
  let store: LocalStore
  const pulled: Record<string, Evaluation> = {}

  beforeEach(async () => {
    dir = await makeStoreDir()
    store = await openTestStore(dir, () => new Date(at(12)))
    Object.assign(pulled, {
      released: serverEvaluation({ updatedAt: at(9), callId: 'call-7' }),
      mine: serverEvaluation({
        evaluatorId: TEST_USER_ID,
        evaluatorName: 'Carla Méndez',
        state: 'draft',
        releasedAt: null,
        updatedAt: at(10),
        callId: 'call-8'
      }),
      calibration: serverEvaluation({
        calibration: true,
        state: 'submitted',
        releasedAt: null,
        updatedAt: at(11),
        callId: 'call-8'
      }),
      otherAgent: serverEvaluation({
        agentId: OTHER_AGENT,
        evaluatorId: TEST_USER_ID,
        state: 'acknowledged',
        updatedAt: at(8),
        callId: 'call-9'
      }),
      training: serverEvaluation({
        agentId: TRAINEE,
        kind: 'training',
        practice: true,
        teamId: null,
        updatedAt: at(7),
        callId: 'practice-1'
      })
    })
    store.applyPull(
      [
        formChange(1),
        userChange(2, TEST_USER_ID, 'Carla Méndez', 'team_lead', TEAM_NORTE),
        userChange(3, AGENT_ID, 'Ana Ortiz', 'agent', TEAM_NORTE),
        ...Object.values(pulled).map((data, i) => ({
          seq: 10 + i,
          entity: 'evaluation' as const,
          data
        }))
      ],
      20
    )
  })
  afterEach(async () => {
    await store.close()
    await removeStoreDir(dir)
  })

  const ids = (query: Partial<EvaluationListQuery>, userId = TEST_USER_ID) =>
    listEvaluations(store.db, { ...everything, ...query }, meOf(store.db, userId)).map((e) => e.id)

  it('filters by agent, call, evaluator, state, kind and calibration, newest first', async () => {
    const { released, mine, calibration, otherAgent, training } = pulled
    if (!released || !mine || !calibration || !otherAgent || !training) throw new Error('seed')
    const draft = await saveEvaluation(
      store,
      {
        formId: 'quality-basic',
        formVersion: 1,
        agentId: AGENT_ID,
        callId: 'call-10',
        interactionId: null,
        practice: false,
        calibration: false,
        answers: [answer('greeting', 'yes')],
        comment: ''
      },
      { userId: TEST_USER_ID, role: 'team_lead' }
    )
    expect(ids({})).toEqual([draft.id, mine.id, released.id, otherAgent.id, training.id])
    expect(ids({ includeCalibration: true })).toEqual([
      draft.id,
      calibration.id,
      mine.id,
      released.id,
      otherAgent.id,
      training.id
    ])
    expect(ids({ agentId: AGENT_ID })).toEqual([draft.id, mine.id, released.id])
    expect(ids({ callId: 'call-8', includeCalibration: true })).toEqual([calibration.id, mine.id])
    // The draft written here has no evaluator id until the server's version comes back.
    expect(ids({ evaluatedByMe: true })).toEqual([draft.id, mine.id, otherAgent.id])
    expect(ids({ states: ['released', 'acknowledged'] })).toEqual([
      released.id,
      otherAgent.id,
      training.id
    ])
    expect(ids({ kind: 'training' })).toEqual([training.id])
    expect(ids({ kind: 'quality', limit: 2 })).toEqual([draft.id, mine.id])
    expect(
      listEvaluations(store.db, { ...everything, callId: 'call-10' }, meOf(store.db, TEST_USER_ID))
    ).toMatchObject([{ evaluatorId: TEST_USER_ID, evaluatorName: 'Carla Méndez' }])
  })

  it('counts the released ones waiting for the agent, and stops counting one acknowledged', async () => {
    const { released } = pulled
    if (!released) throw new Error('seed')
    expect(awaitingCount(store.db, AGENT_ID)).toBe(1)
    expect(awaitingCount(store.db, TRAINEE)).toBe(1)
    expect(awaitingCount(store.db, OTHER_AGENT)).toBe(0)
    await acknowledgeEvaluation(store, released.id, { userId: AGENT_ID, role: 'agent' })
    expect(awaitingCount(store.db, AGENT_ID)).toBe(0)
  })
})
