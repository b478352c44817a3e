/**
 * Evaluations in the data worker against the real server: a lead scores and releases a call
 * offline, the agent disputes offline, the lead resolves; each step pushed when the server is
 * back, and what each desk ends up holding is exactly the server's record (the desk's own
 * scoring and history, replaced by the server's, agree with it). A teammate never pulls it.
 */
import { expect, it } from 'vitest'

import { seedEvaluationForms } from '@server/evaluations/form-seed'
import { readEvaluation } from '@server/evaluations/evaluation-rows'
import type { LocalStore } from '@renderer/workers/data/store/local-store'
import {
  disputeEvaluation,
  releaseEvaluation,
  resolveEvaluation,
  saveEvaluation
} from '@renderer/workers/data/evaluations/commands'
import { getEvaluation, meOf } from '@renderer/workers/data/evaluations/queries'
import { describeOnEngines } from '@support/engine-suite'
import { completeDefaultAnswers } from '../support/fuzz/evaluation-base'
import { createTestDatabase } from '../support/server-db'
import { useTestServer } from '../support/worker-server'
import { openTestStore, useSharedStoreDir } from '../support/worker-store'
import { startEngine } from '../support/worker-sync'

type User = 'ana' | 'bruno' | 'carla'

describeOnEngines('evaluations in the worker on %s', (engine) => {
  const { server, tokens, userId } = useTestServer<User>({
    users: ['ana', 'bruno', 'carla'],
    database: async () => {
      const database = await createTestDatabase(engine)
      await seedEvaluationForms(database.db)
      return database
    }
  })
  const desks = { ana: useSharedStoreDir(), bruno: useSharedStoreDir(), carla: useSharedStoreDir() }

  async function synced<T>(user: User, check: (store: LocalStore) => T | Promise<T>): Promise<T> {
    const store = await openTestStore(desks[user]())
    const harness = startEngine({ store, serverUrl: server.url, tokens: tokens(user) })
    try {
      expect(await harness.engine.syncNow()).toMatchObject({ pending: 0, rejected: 0 })
      return await check(store)
    } finally {
      await harness.engine.stop()
      // Pulled rows live in memory until a snapshot, which a running desk takes when idle.
      await store.snapshot()
      await store.close()
    }
  }
  /** Opens `user`'s desk with the server down, runs `step` there, and closes it. */
  async function offline<T>(user: User, step: (store: LocalStore) => Promise<T>): Promise<T> {
    await server.stop()
    const store = await openTestStore(desks[user]())
    try {
      return await step(store)
    } finally {
      await store.close()
      await server.start()
    }
  }
  const local = (store: LocalStore, user: User, id: string) =>
    getEvaluation(store.db, id, meOf(store.db, userId(user)))
  /** The desk's copy without its sync state: it must be the server's record as is. */
  const asServer = async (store: LocalStore, user: User, id: string) => {
    const copy = local(store, user, id)
    expect(copy?.syncState).toBe('synced')
    const record = await readEvaluation(server.db, id)
    expect(copy).toEqual({ ...record, syncState: 'synced' })
  }

  it('scores, disputes and resolves offline on three desks, ending as the server records it', async () => {
    const carla = { userId: userId('carla'), role: 'team_lead' as const }
    const ana = { userId: userId('ana'), role: 'agent' as const }
    // Carla's desk first pulls the published forms and the directory.
    await synced('carla', () => undefined)
    await synced('ana', () => undefined)

    const released = await offline('carla', async (store) => {
      const draft = await saveEvaluation(
        store,
        {
          formId: 'service-quality',
          formVersion: 1,
          agentId: ana.userId,
          callId: 'call-evaluated',
          interactionId: null,
          practice: false,
          calibration: false,
          answers: completeDefaultAnswers(),
          comment: 'Muy bien'
        },
        carla
      )
      expect(draft).toMatchObject({ state: 'draft', syncState: 'pending' })
      return releaseEvaluation(store, draft.id, carla)
    })
    expect(released).toMatchObject({ state: 'released', score: { percent: 100, passed: true } })
    const id = released.id
    await synced('carla', (store) => asServer(store, 'carla', id))
    const stored = await readEvaluation(server.db, id)
    expect(stored?.history.map((h) => [h.action, h.actorName])).toEqual([
      ['created', 'Carla Méndez'],
      ['released', 'Carla Méndez']
    ])
    expect(stored?.score).toEqual(released.score)

    await synced('ana', (store) => asServer(store, 'ana', id))
    await offline('ana', (store) =>
      disputeEvaluation(store, { id, comment: 'La llamada se cortó' }, ana)
    )
    await synced('ana', (store) => asServer(store, 'ana', id))
    await synced('carla', (store) =>
      resolveEvaluation(
        store,
        { id, decision: 'kept', reason: 'Se valoró lo escuchado', answers: null },
        carla
      )
    )
    await synced('carla', (store) => asServer(store, 'carla', id))
    await synced('ana', async (store) => {
      await asServer(store, 'ana', id)
      expect(local(store, 'ana', id)).toMatchObject({
        state: 'resolved',
        resolution: { decision: 'kept', byName: 'Carla Méndez' },
        dispute: { comment: 'La llamada se cortó' }
      })
    })
    await synced('bruno', (store) => {
      expect(local(store, 'bruno', id)).toBeNull()
    })
  })
})
