/**
 * Evaluations in the data worker against the real server, on PGlite and PostgreSQL: the lead
 * scores a call with the seeded form while the server is down (scored on the desk as the server
 * then scores it), syncs the draft, which the agent does not pull, and releases it; the agent's
 * desk pulls it only then and disputes it offline (kept across a restart); the lead resolves it,
 * and both desks end with the server's record and its whole history. A second evaluation is
 * acknowledged. A teammate never pulls either.
 */
import { randomUUID } from 'node:crypto'

import { expect, it } from 'vitest'

import { seedEvaluationForms } from '@server/evaluations/form-seed'
import {
  acknowledgeEvaluation,
  disputeEvaluation,
  releaseEvaluation,
  resolveEvaluation,
  saveEvaluation,
  type EvaluationActor
} from '@renderer/workers/data/evaluations/commands'
import { latestPublishedForms } from '@renderer/workers/data/evaluations/forms'
import {
  awaitingCount,
  getEvaluation,
  listEvaluations,
  meOf
} from '@renderer/workers/data/evaluations/queries'
import type { LocalStore } from '@renderer/workers/data/store/local-store'
import type { EvaluationListQuery } from '@shared/contract/worker'
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import { questionsOf, type FormDefinition } from '@shared/evaluations/form-schema'
import { describeOnEngines } from '@support/engine-suite'

import { createTestDatabase } from '../support/server-db'
import { useTestServer } from '../support/worker-server'
import { openTestStore, useSharedStoreDir } from '../support/worker-store'
import { startEngine } from '../support/worker-sync'

type User = 'ana' | 'bruno' | 'carla' | 'admin'

const everything: EvaluationListQuery = {
  agentId: null,
  callId: null,
  evaluatedByMe: false,
  states: null,
  includeCalibration: true,
  kind: null,
  limit: 50
}

/** Full marks on every question, with a comment wherever one may be asked for. */
function fullMarks(form: FormDefinition): EvaluationAnswer[] {
  return questionsOf(form).map(({ question }) => {
    const best = [...(question.options ?? [])].sort((a, b) => b.score - a.score)[0]
    const value =
      question.kind === 'yes_no'
        ? 'yes'
        : question.kind === 'scale'
          ? (question.scale?.max ?? 5)
          : question.kind === 'choice'
            ? (best?.id ?? null)
            : 'Llamada correcta'
    return { questionId: question.id, value, na: false, comment: 'Bien' }
  })
}

describeOnEngines('evaluations in the worker on %s', (engine) => {
  const { server, tokens, userId } = useTestServer<User>({
    users: ['ana', 'bruno', 'carla', 'admin'],
    database: async () => {
      const database = await createTestDatabase(engine)
      await seedEvaluationForms(database.db)
      return database
    }
  })
  const desks: Record<User, () => string> = {
    ana: useSharedStoreDir(),
    bruno: useSharedStoreDir(),
    carla: useSharedStoreDir(),
    admin: useSharedStoreDir()
  }
  const roles: Record<User, EvaluationActor['role']> = {
    ana: 'agent',
    bruno: 'agent',
    carla: 'team_lead',
    admin: 'admin'
  }
  const actor = (user: User): EvaluationActor => ({ userId: userId(user), role: roles[user] })

  /**
   * Opens `user`'s desk, syncs it, runs `work`, syncs again (pushing what `work` wrote), and
   * closes it with a snapshot, as the worker's session does (pulled rows live in memory until
   * then).
   */
  async function synced<T>(user: User, work: (store: LocalStore) => T | Promise<T>): Promise<T> {
    const store = await openTestStore(desks[user]())
    const harness = startEngine({ store, serverUrl: server.url, tokens: tokens(user) })
    try {
      expect(await harness.engine.syncNow()).toMatchObject({ pending: 0, rejected: 0 })
      const result = await work(store)
      expect(await harness.engine.syncNow()).toMatchObject({ pending: 0, rejected: 0 })
      return result
    } finally {
      await harness.engine.stop()
      await store.snapshot()
      await store.close()
    }
  }

  /** Opens `user`'s desk with the server down (a desk offline), runs `work`, and closes it. */
  async function offline<T>(user: User, work: (store: LocalStore) => T | Promise<T>): Promise<T> {
    const store = await openTestStore(desks[user]())
    try {
      return await work(store)
    } finally {
      await store.close()
    }
  }

  /** The seeded quality form, as a desk has it. */
  const qualityForm = (store: LocalStore) =>
    latestPublishedForms(store.db).find((f) => f.formId === 'service-quality')
  const get = (store: LocalStore, user: User, id: string) =>
    getEvaluation(store.db, id, meOf(store.db, userId(user)))
  const listed = (store: LocalStore, user: User) =>
    listEvaluations(store.db, everything, meOf(store.db, userId(user)))

  it('scores offline, reaches the agent only when released, and settles a dispute', async () => {
    const anaId = userId('ana')
    const callId = `call-${randomUUID()}`
    // The lead's desk has the seeded forms from its first sync (shared configuration).
    const form = await synced('carla', (store) => {
      const forms = latestPublishedForms(store.db)
      expect(forms.map((f) => `${f.formId}:${String(f.version)}`).sort()).toEqual([
        'practice-training:1',
        'service-quality:1'
      ])
      const published = forms.find((f) => f.formId === 'service-quality')
      if (!published) throw new Error('no form pulled')
      return published
    })
    const complete = fullMarks(form.definition)

    await server.stop()
    const draft = await offline('carla', async (store) => {
      const input = {
        formId: form.formId,
        formVersion: form.version,
        agentId: anaId,
        callId,
        interactionId: null,
        practice: false,
        calibration: false,
        answers: complete.slice(0, 3),
        comment: 'Primera escucha'
      }
      const first = await saveEvaluation(store, input, actor('carla'))
      expect(first).toMatchObject({ state: 'draft', syncState: 'pending', agentName: 'Ana Ortiz' })
      expect(first.score.complete).toBe(false)
      await expect(releaseEvaluation(store, first.id, actor('carla'))).rejects.toThrow(
        'Some questions are not complete'
      )
      return saveEvaluation(store, { ...input, id: first.id, answers: complete }, actor('carla'))
    })
    expect(draft.score).toMatchObject({ percent: 100, passed: true, complete: true })
    await server.start()

    // Synced: the server scored it as the desk did; the agent does not pull a draft.
    await synced('carla', (store) => {
      expect(get(store, 'carla', draft.id)).toMatchObject({
        state: 'draft',
        syncState: 'synced',
        evaluatorId: userId('carla'),
        evaluatorName: 'Carla Méndez',
        score: draft.score,
        history: [
          { action: 'created', actorName: 'Carla Méndez' },
          { action: 'rescored', percent: 100 }
        ]
      })
    })
    await synced('ana', (store) => {
      expect(listed(store, 'ana')).toEqual([])
      expect(awaitingCount(store.db, anaId)).toBe(0)
    })

    // Released online: the agent's desk pulls it now.
    await synced('carla', async (store) => {
      const released = await releaseEvaluation(store, draft.id, actor('carla'))
      expect(released).toMatchObject({ state: 'released', syncState: 'pending' })
    })
    await synced('ana', (store) => {
      expect(listed(store, 'ana')).toMatchObject([
        { id: draft.id, state: 'released', evaluatorName: 'Carla Méndez', syncState: 'synced' }
      ])
      expect(awaitingCount(store.db, anaId)).toBe(1)
    })

    // The agent disputes with the server down; the dispute outlives a restart.
    await server.stop()
    await offline('ana', async (store) => {
      const disputed = await disputeEvaluation(
        store,
        { id: draft.id, comment: 'Sí verifiqué la identidad' },
        actor('ana')
      )
      expect(disputed).toMatchObject({ state: 'disputed', syncState: 'pending' })
      expect(awaitingCount(store.db, anaId)).toBe(0)
    })
    await offline('ana', (store) => {
      expect(get(store, 'ana', draft.id)).toMatchObject({ state: 'disputed', syncState: 'pending' })
    })
    await server.start()
    await synced('ana', (store) => {
      expect(get(store, 'ana', draft.id)).toMatchObject({
        state: 'disputed',
        syncState: 'synced',
        dispute: { comment: 'Sí verifiqué la identidad' }
      })
    })

    // The lead keeps the score, with a reason; both desks end with the server's history.
    await synced('carla', async (store) => {
      expect(get(store, 'carla', draft.id)?.state).toBe('disputed')
      const resolved = await resolveEvaluation(
        store,
        { id: draft.id, decision: 'kept', reason: 'La grabación lo confirma', answers: null },
        actor('carla')
      )
      expect(resolved).toMatchObject({ state: 'resolved', syncState: 'pending' })
    })
    const history = [
      { action: 'created', actorName: 'Carla Méndez' },
      { action: 'rescored', actorName: 'Carla Méndez' },
      { action: 'released', actorName: 'Carla Méndez' },
      { action: 'disputed', actorName: 'Ana Ortiz', comment: 'Sí verifiqué la identidad' },
      { action: 'resolved_kept', actorName: 'Carla Méndez', comment: 'La grabación lo confirma' }
    ]
    for (const user of ['carla', 'ana'] as const) {
      await synced(user, (store) => {
        expect(get(store, user, draft.id)).toMatchObject({
          state: 'resolved',
          syncState: 'synced',
          resolution: { decision: 'kept', byName: 'Carla Méndez' },
          score: { percent: 100 },
          history
        })
      })
    }
    await synced('bruno', (store) => {
      expect(listed(store, 'bruno')).toEqual([])
    })
  })

  it('releases offline in one go, and the agent acknowledges it', async () => {
    const anaId = userId('ana')
    const callId = `call-${randomUUID()}`
    const form = await synced('carla', (store) => qualityForm(store))
    if (!form) throw new Error('no form pulled')

    await server.stop()
    const released = await offline('carla', async (store) => {
      const draft = await saveEvaluation(
        store,
        {
          formId: form.formId,
          formVersion: form.version,
          agentId: anaId,
          callId,
          interactionId: null,
          practice: false,
          calibration: false,
          answers: fullMarks(form.definition),
          comment: ''
        },
        actor('carla')
      )
      return releaseEvaluation(store, draft.id, actor('carla'))
    })
    expect(released).toMatchObject({ state: 'released', syncState: 'pending' })
    await server.start()
    await synced('carla', (store) => {
      expect(get(store, 'carla', released.id)).toMatchObject({
        state: 'released',
        syncState: 'synced'
      })
    })

    await synced('ana', async (store) => {
      expect(awaitingCount(store.db, anaId)).toBe(1)
      await expect(acknowledgeEvaluation(store, released.id, actor('carla'))).rejects.toThrow(
        'Only the agent'
      )
      const acknowledged = await acknowledgeEvaluation(store, released.id, actor('ana'))
      expect(acknowledged).toMatchObject({ state: 'acknowledged', syncState: 'pending' })
      expect(awaitingCount(store.db, anaId)).toBe(0)
    })
    await synced('carla', (store) => {
      expect(get(store, 'carla', released.id)).toMatchObject({
        state: 'acknowledged',
        syncState: 'synced',
        history: [
          { action: 'created' },
          { action: 'released' },
          { action: 'acknowledged', actorName: 'Ana Ortiz' }
        ]
      })
    })
    await synced('bruno', (store) => {
      expect(listed(store, 'bruno')).toEqual([])
    })
  })

  it('shows a draft the server refuses as a problem with its reason until it is discarded', async () => {
    const callId = `call-${randomUUID()}`
    const form = await synced('carla', (store) => qualityForm(store))
    if (!form) throw new Error('no form pulled')
    const input = {
      formId: form.formId,
      formVersion: form.version,
      agentId: userId('ana'),
      callId,
      interactionId: null,
      practice: false,
      calibration: false,
      answers: fullMarks(form.definition),
      comment: 'Mi evaluación'
    }
    // The lead scores the call offline; meanwhile an admin's evaluation of it reaches the server.
    await server.stop()
    const mine = await offline('carla', (store) => saveEvaluation(store, input, actor('carla')))
    await server.start()
    const admins = await synced('admin', (store) => saveEvaluation(store, input, actor('admin')))

    const store = await openTestStore(desks.carla())
    const harness = startEngine({ store, serverUrl: server.url, tokens: tokens('carla') })
    try {
      expect(await harness.engine.syncNow()).toMatchObject({ pending: 0, rejected: 1 })
      expect(get(store, 'carla', mine.id)).toMatchObject({ syncState: 'rejected', state: 'draft' })
      const { problems } = store.syncProblems()
      expect(problems).toMatchObject([
        {
          name: 'evaluation.save',
          state: 'rejected',
          reason: { code: 'conflict' },
          summary: `${callId} · Mi evaluación`
        }
      ])
      const [problem] = problems
      if (!problem) throw new Error('no problem listed')
      expect(await store.discardRejected(problem.mutationId)).toBe('evaluation.save')
      // Gone; the admin's (a draft the team's lead sees) stays.
      expect(
        listEvaluations(store.db, { ...everything, callId }, meOf(store.db, userId('carla')))
      ).toMatchObject([{ id: admins.id, evaluatorName: 'Administración', syncState: 'synced' }])
      expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
    } finally {
      await harness.engine.stop()
      await store.close()
    }
  })
})
