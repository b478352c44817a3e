/**
 * Evaluations in the local store: a draft saved offline is pending, scored and kept across a
 * restart; the server's version replaces it when pulled, yet a step still queued stays on top
 * of every newer version and an older version never takes an applied step back; a refused new
 * draft stays flagged with its reason until discarded; a refused acknowledgement or dispute
 * brings back the server's state.
 */
import { describe, expect, it } from 'vitest'

import {
  acknowledgeEvaluation,
  disputeEvaluation,
  releaseEvaluation,
  saveEvaluation,
  type EvaluationActor
} from '@renderer/workers/data/evaluations/commands'
import { getEvaluation, meOf } from '@renderer/workers/data/evaluations/queries'
import type { LocalStore } from '@renderer/workers/data/store/local-store'
import type { EvaluationSaveInput } from '@shared/evaluations/evaluation'
import { TEST_USER_ID, openTestStore, useTestStores } from '@support/worker-store'

import {
  AGENT_ID,
  TEAM_NORTE,
  answer,
  formChange,
  fullMarks,
  serverEvaluation,
  userChange
} from './fixtures'

const lead: EvaluationActor = { userId: TEST_USER_ID, role: 'team_lead' }
const agent: EvaluationActor = { userId: AGENT_ID, role: 'agent' }

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
    comment: 'Buen inicio',
    ...overrides
  }
}

/** A desk with the form and the team directory pulled. */
async function desk(open: () => Promise<LocalStore>): Promise<LocalStore> {
  const store = await open()
  store.applyPull(
    [
      formChange(1),
      userChange(2, TEST_USER_ID, 'Carla Méndez', 'team_lead', TEAM_NORTE),
      userChange(3, AGENT_ID, 'Ana Ortiz', 'agent', TEAM_NORTE)
    ],
    3
  )
  return store
}

const get = (store: LocalStore, id: string, userId = TEST_USER_ID) =>
  getEvaluation(store.db, id, meOf(store.db, userId))

describe('evaluations in the local store', () => {
  const stores = useTestStores()

  it('keeps a draft saved offline, scored and named, across a restart', async () => {
    const store = await desk(stores.openStore)
    const draft = await saveEvaluation(store, input(), lead)
    expect(draft).toMatchObject({
      state: 'draft',
      syncState: 'pending',
      evaluatorId: TEST_USER_ID,
      evaluatorName: 'Carla Méndez',
      agentName: 'Ana Ortiz',
      score: { percent: 33.3, complete: false }
    })
    expect(draft.history).toMatchObject([{ action: 'created', actorName: 'Carla Méndez' }])
    const again = await saveEvaluation(store, input({ id: draft.id, answers: fullMarks }), lead)
    expect(again.score).toMatchObject({ percent: 100, complete: true })
    await store.close()

    // No snapshot since the writes: both come back from the journal, once.
    const reopened = await openTestStore(stores.dir())
    try {
      expect(reopened.report.restoredWrites).toBe(2)
      // The pulled form was in no snapshot yet: unscored until it is pulled again.
      expect(get(reopened, draft.id)).toMatchObject({
        syncState: 'pending',
        score: { percent: null },
        history: [{ action: 'created' }, { action: 'rescored' }]
      })
      expect(reopened.outboxCounts()).toEqual({ pending: 2, rejected: 0 })
      reopened.applyPull([formChange(4)], 4)
      expect(get(reopened, draft.id)?.score).toMatchObject({ percent: 100, complete: true })
    } finally {
      await reopened.close()
    }
  })

  it('keeps a queued step on top of a newer pulled version, and never goes back to an older one', async () => {
    const store = await desk(stores.openStore)
    const draft = await saveEvaluation(store, input({ answers: fullMarks }), lead)
    const [save] = store.pendingMutations(10)
    if (!save) throw new Error('no save queued')
    store.applyPushResults([save], [])
    // Applied, not yet pulled: the step is the server's now, still shown.
    expect(get(store, draft.id)).toMatchObject({ state: 'draft', syncState: 'synced' })

    const released = await releaseEvaluation(store, draft.id, lead)
    expect(released).toMatchObject({ state: 'released', syncState: 'pending' })

    // The server's draft (saved from here) comes back: the queued release stays on top.
    const serverDraft = serverEvaluation({
      id: draft.id,
      evaluatorId: TEST_USER_ID,
      evaluatorName: 'Carla Méndez',
      callId: 'call-1',
      state: 'draft',
      releasedAt: null,
      comment: 'Buen inicio',
      updatedAt: '2026-12-06T10:00:00.000Z',
      history: serverEvaluation().history.slice(0, 1)
    })
    store.applyPull([{ seq: 4, entity: 'evaluation', data: serverDraft }], 4)
    expect(get(store, draft.id)).toMatchObject({
      state: 'released',
      syncState: 'pending',
      comment: 'Buen inicio'
    })
    const [release] = store.pendingMutations(10)
    if (!release) throw new Error('no release queued')
    store.applyPushResults([release], [])
    expect(get(store, draft.id)).toMatchObject({ state: 'released', syncState: 'synced' })

    // The same draft pulled again (an older version) does not take the release back.
    store.applyPull([{ seq: 5, entity: 'evaluation', data: serverDraft }], 5)
    expect(get(store, draft.id)?.state).toBe('released')
    const serverReleased = serverEvaluation({
      ...serverDraft,
      state: 'released',
      releasedAt: '2026-12-06T10:05:00.000Z',
      updatedAt: '2026-12-06T10:05:00.000Z',
      history: serverEvaluation().history
    })
    store.applyPull([{ seq: 6, entity: 'evaluation', data: serverReleased }], 6)
    expect(get(store, draft.id)).toMatchObject({
      state: 'released',
      syncState: 'synced',
      releasedAt: '2026-12-06T10:05:00.000Z'
    })
  })

  it('flags a refused new draft with its reason, and drops it when discarded', async () => {
    const store = await desk(stores.openStore)
    const draft = await saveEvaluation(store, input({ comment: 'Llamada de prueba' }), lead)
    const [save] = store.pendingMutations(10)
    if (!save) throw new Error('no save queued')
    store.applyPushResults(
      [],
      [{ mutation: save, reason: { code: 'forbidden', message: 'Not your team' } }]
    )
    expect(get(store, draft.id)).toMatchObject({
      syncState: 'rejected',
      state: 'draft',
      comment: 'Llamada de prueba'
    })
    expect(store.syncProblems()).toMatchObject({
      total: 1,
      problems: [
        {
          name: 'evaluation.save',
          state: 'rejected',
          reason: { code: 'forbidden', message: 'Not your team' },
          summary: 'call-1 · Llamada de prueba',
          at: save.name === 'evaluation.save' ? save.args.savedAt : null
        }
      ]
    })
    expect(await store.discardRejected(save.id)).toBe('evaluation.save')
    expect(get(store, draft.id)).toBeNull()
    expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
  })

  it('brings back the server’s state when an acknowledgement or a dispute is refused', async () => {
    const store = await desk(stores.openStore)
    const released = serverEvaluation()
    store.applyPull([{ seq: 4, entity: 'evaluation', data: released }], 4)

    const acknowledged = await acknowledgeEvaluation(store, released.id, agent)
    expect(acknowledged).toMatchObject({ state: 'acknowledged', syncState: 'pending' })
    const [ack] = store.pendingMutations(10)
    if (!ack) throw new Error('no acknowledgement queued')
    store.applyPushResults([], [{ mutation: ack, reason: { code: 'conflict', message: 'no' } }])
    expect(get(store, released.id, AGENT_ID)).toMatchObject({
      state: 'released',
      syncState: 'rejected',
      history: released.history
    })

    // The agent disputes instead; refused too, it is released again.
    const disputed = await disputeEvaluation(
      store,
      { id: released.id, comment: 'Sí saludé' },
      agent
    )
    expect(disputed).toMatchObject({ state: 'disputed', syncState: 'pending' })
    const [dispute] = store.pendingMutations(10)
    if (!dispute) throw new Error('no dispute queued')
    store.applyPushResults([], [{ mutation: dispute, reason: { code: 'conflict', message: 'no' } }])
    expect(get(store, released.id, AGENT_ID)).toMatchObject({
      state: 'released',
      dispute: null,
      syncState: 'rejected'
    })
    expect(store.syncProblems().problems.map((p) => p.summary)).toEqual([null, 'Sí saludé'])

    // Both discarded: as the server has it, nothing of this desk's left.
    expect(await store.discardRejected(ack.id)).toBe('evaluation.acknowledge')
    expect(get(store, released.id, AGENT_ID)?.syncState).toBe('rejected')
    expect(await store.discardRejected(dispute.id)).toBe('evaluation.dispute')
    expect(get(store, released.id, AGENT_ID)).toMatchObject({
      state: 'released',
      syncState: 'synced'
    })
  })

  it('takes a newer pulled version as it is when nothing is queued', async () => {
    const store = await desk(stores.openStore)
    const released = serverEvaluation()
    store.applyPull([{ seq: 4, entity: 'evaluation', data: released }], 4)
    const resolved = serverEvaluation({
      id: released.id,
      state: 'resolved',
      updatedAt: '2026-12-06T11:00:00.000Z',
      history: [
        ...released.history,
        {
          at: '2026-12-06T11:00:00.000Z',
          actorId: released.evaluatorId,
          actorName: released.evaluatorName,
          action: 'resolved_kept',
          comment: 'Se mantiene',
          percent: 100,
          criticalFailed: false
        }
      ]
    })
    store.applyPull([{ seq: 5, entity: 'evaluation', data: resolved }], 5)
    expect(get(store, released.id)).toEqual({ ...resolved, syncState: 'synced' })
  })
})
