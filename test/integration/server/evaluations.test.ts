/**
 * Evaluations through push and pull (issue 19): who may evaluate whose call with which form, who
 * pulls an evaluation at each step (the evaluator and the team's leads while it is a draft, the
 * agent from release on, trainers and admins the training ones), the full dispute flow with its
 * history and audit rows, calibration, and every refusal with its code.
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { describeOnEngines } from '@support/engine-suite'
import {
  answerSets,
  disputeMutation,
  latestPulled,
  publishForm,
  pulledEvaluations,
  resolveMutation,
  saveMutation,
  stepMutation,
  testFormSource,
  type SaveOptions
} from '../../support/evaluations'
import { interactionMutation, login, push } from '../../support/server-app'

type Session = Awaited<ReturnType<typeof login>>

describeOnEngines('evaluations on %s', {}, ({ database, app }) => {
  const users: Record<string, Session> = {}
  const token = (name: string): string => users[name]?.accessToken ?? ''
  const userId = (name: string): string => users[name]?.user.id ?? ''
  const everyone = ['ana', 'bruno', 'carla', 'diego', 'elena', 'tomas', 'admin']

  /** Pushes one mutation as `name` and returns its result. */
  const one = async (name: string, mutation: unknown) =>
    (await push(app, token(name), [mutation])).results[0]
  const code = async (name: string, mutation: unknown) => {
    const result = await one(name, mutation)
    return result?.status === 'rejected' ? result.reason.code : result?.status
  }
  /** Who among everyone pulls evaluation `id` now, and in which state. */
  const seenBy = async (id: string) => {
    const seen: Record<string, string> = {}
    for (const name of everyone) {
      const latest = await latestPulled(app, token(name), id)
      if (latest) seen[name] = latest.state
    }
    return seen
  }
  /** A production call of `agent`, recorded: its call id and interaction id. */
  const call = async (agent: string) => {
    const m = interactionMutation()
    expect(await code(agent, m)).toBe('applied')
    return { callId: m.args.callId, interactionId: m.args.id }
  }
  /** A practice call of `agent` (a practice script run; practice calls have no interaction). */
  const practiceCall = async (agent: string) => {
    const callId = `practice-${randomUUID()}`
    const run = {
      id: randomUUID(),
      name: 'script_run.record',
      args: {
        id: randomUUID(),
        callId,
        practice: true,
        customerId: null,
        scriptId: 'any-script',
        scriptVersion: 1,
        language: 'es',
        status: 'closed',
        outcome: 'resolved',
        abandonReason: null,
        startedAt: '2026-11-24T09:00:00.000Z',
        endedAt: '2026-11-24T09:01:00.000Z',
        steps: [{ nodeId: 'a', enteredAt: '2026-11-24T09:00:00.000Z', seconds: 60 }],
        confirmations: []
      }
    }
    expect(await code(agent, run)).toBe('applied')
    return callId
  }
  const save = (o: Omit<SaveOptions, 'agentId'> & { agent: string }) =>
    saveMutation({ ...o, agentId: userId(o.agent) })

  beforeAll(async () => {
    for (const name of everyone) users[name] = await login(app, name)
    await publishForm(app, token('admin'), testFormSource())
    await publishForm(app, token('admin'), testFormSource({ kind: 'training' }))
  })

  it('runs the dispute flow: draft, release, dispute, kept; each step in history, events and audit', async () => {
    const { callId, interactionId } = await call('ana')
    const draft = save({
      agent: 'ana',
      callId,
      answers: answerSets.partial,
      comment: 'Primera escucha'
    })
    const id = draft.args.id
    expect(await code('carla', draft)).toBe('applied')
    // A draft: the evaluator and the team's leads (and admins); never the agent or anyone else.
    expect(await seenBy(id)).toEqual({ carla: 'draft', admin: 'draft' })
    const first = await latestPulled(app, token('carla'), id)
    expect(first).toMatchObject({
      agentName: 'Ana Ortiz',
      evaluatorName: 'Carla Méndez',
      interactionId,
      teamId: users['ana']?.user.teamId,
      score: { percent: 40, complete: false },
      history: [{ action: 'created', actorName: 'Carla Méndez', percent: 40 }]
    })

    // Release is refused while incomplete, naming the questions.
    const early = await one('carla', stepMutation('evaluation.release', id))
    expect(early).toMatchObject({
      status: 'rejected',
      reason: { code: 'invalid_argument', details: { questionIds: ['tone', 'verify'] } }
    })
    const complete = save({ agent: 'ana', callId, id, answers: answerSets.good, comment: 'Bien' })
    expect(await code('carla', complete)).toBe('applied')
    // The same save again (a lost answer, a new mutation id) adds nothing.
    expect(await code('carla', { ...complete, id: randomUUID() })).toBe('applied')
    expect((await latestPulled(app, token('carla'), id))?.history.map((h) => h.action)).toEqual([
      'created',
      'rescored'
    ])
    // Only the evaluator releases; others who may not see it are told it does not exist.
    expect(await code('admin', stepMutation('evaluation.release', id))).toBe('forbidden')
    for (const name of ['ana', 'elena', 'bruno', 'tomas']) {
      expect(await code(name, stepMutation('evaluation.release', id)), name).toBe('not_found')
    }
    expect(await code('carla', stepMutation('evaluation.release', id))).toBe('applied')
    expect(await code('carla', stepMutation('evaluation.release', id))).toBe('applied')
    expect(await seenBy(id)).toEqual({ ana: 'released', carla: 'released', admin: 'released' })
    // A released evaluation is not edited any more.
    expect(await code('carla', { ...complete, id: randomUUID() })).toBe('conflict')

    // Only the agent answers; a dispute needs a comment.
    expect(await code('carla', disputeMutation(id, 'No'))).toBe('forbidden')
    expect(await code('bruno', disputeMutation(id, 'No'))).toBe('not_found')
    expect(await code('ana', disputeMutation(id, '  '))).toBe('invalid_argument')
    expect(await code('ana', disputeMutation(id, 'Sí verifiqué la identidad'))).toBe('applied')
    expect(await code('ana', disputeMutation(id, 'Sí verifiqué la identidad'))).toBe('applied')
    expect(await code('ana', stepMutation('evaluation.acknowledge', id))).toBe('conflict')

    // Resolved by the evaluator, a lead of the team or an admin: not by the agent or others.
    expect(await code('ana', resolveMutation(id, 'kept', 'x'))).toBe('forbidden')
    expect(await code('elena', resolveMutation(id, 'kept', 'x'))).toBe('not_found')
    expect(await code('tomas', resolveMutation(id, 'kept', 'x'))).toBe('not_found')
    expect(await code('carla', resolveMutation(id, 'kept', 'La grabación lo confirma'))).toBe(
      'applied'
    )
    expect(await code('carla', resolveMutation(id, 'rescored', 'Otra', answerSets.poor))).toBe(
      'conflict'
    )
    const resolved = await latestPulled(app, token('ana'), id)
    expect(resolved).toMatchObject({
      state: 'resolved',
      comment: 'Bien',
      releasedAt: '2026-11-24T11:05:00.000Z',
      score: { percent: 80, passed: true },
      dispute: { comment: 'Sí verifiqué la identidad' },
      resolution: { decision: 'kept', reason: 'La grabación lo confirma', byName: 'Carla Méndez' }
    })
    expect(resolved?.history.map((h) => [h.action, h.actorName, h.percent, h.comment])).toEqual([
      ['created', 'Carla Méndez', 40, ''],
      ['rescored', 'Carla Méndez', 80, ''],
      ['released', 'Carla Méndez', 80, ''],
      ['disputed', 'Ana Ortiz', 80, 'Sí verifiqué la identidad'],
      ['resolved_kept', 'Carla Méndez', 80, 'La grabación lo confirma']
    ])
    const events = await database.db.query<{ action: string; actor_id: string }>(
      'SELECT action, actor_id FROM evaluation_events WHERE evaluation_id = $1 ORDER BY id',
      [id]
    )
    expect(events.map((e) => e.action)).toHaveLength(5)
    const audit = await database.db.query<{ action: string; actor_id: string }>(
      `SELECT action, actor_id FROM audit_log WHERE target = $1 ORDER BY id`,
      [id]
    )
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['evaluation.created', userId('carla')],
      ['evaluation.saved', userId('carla')],
      ['evaluation.released', userId('carla')],
      ['evaluation.disputed', userId('ana')],
      ['evaluation.resolved', userId('carla')]
    ])
  })

  it('re-scores a dispute from complete answers, scored by the server; an admin may resolve', async () => {
    const { callId } = await call('bruno')
    const m = save({ agent: 'bruno', callId, answers: answerSets.critical })
    const id = m.args.id
    await push(app, token('carla'), [m, stepMutation('evaluation.release', id)])
    expect(await code('bruno', disputeMutation(id, 'El cliente ya estaba verificado'))).toBe(
      'applied'
    )
    expect(
      await code('admin', resolveMutation(id, 'rescored', 'Revisado', answerSets.partial))
    ).toBe('invalid_argument')
    const unknown = [
      ...answerSets.good,
      { questionId: 'nope', value: 'yes', na: false, comment: '' }
    ]
    expect(await code('admin', resolveMutation(id, 'rescored', 'Revisado', unknown))).toBe(
      'invalid_argument'
    )
    expect(await code('admin', resolveMutation(id, 'rescored', 'Revisado', answerSets.good))).toBe(
      'applied'
    )
    const after = await latestPulled(app, token('bruno'), id)
    expect(after).toMatchObject({
      state: 'resolved',
      answers: answerSets.good,
      score: { percent: 80, criticalFailed: false, passed: true },
      resolution: { decision: 'rescored', byName: 'Administración' }
    })
    expect(after?.history.slice(-2).map((h) => [h.action, h.criticalFailed])).toEqual([
      ['disputed', true],
      ['resolved_rescored', false]
    ])
    const stored = await database.db.query<{ percent: string | number; critical_failed: boolean }>(
      'SELECT percent::float8 AS percent, critical_failed FROM evaluations WHERE id = $1',
      [id]
    )
    expect(stored).toEqual([{ percent: 80, critical_failed: false }])
  })

  it('acknowledges once; a second evaluation of a call is a calibration one, never the agent’s', async () => {
    const { callId } = await call('ana')
    const m = save({ agent: 'ana', callId })
    await push(app, token('carla'), [m, stepMutation('evaluation.release', m.args.id)])
    expect(await code('ana', stepMutation('evaluation.acknowledge', m.args.id))).toBe('applied')
    expect(await code('ana', stepMutation('evaluation.acknowledge', m.args.id))).toBe('applied')
    expect(await code('ana', disputeMutation(m.args.id, 'Tarde'))).toBe('conflict')
    expect((await latestPulled(app, token('ana'), m.args.id))?.state).toBe('acknowledged')

    const second = save({ agent: 'ana', callId, answers: answerSets.poor })
    expect(await one('admin', second)).toMatchObject({
      status: 'rejected',
      reason: { code: 'conflict', details: { evaluationId: m.args.id } }
    })
    const calibration = save({ agent: 'ana', callId, calibration: true, answers: answerSets.poor })
    expect(await code('admin', calibration)).toBe('applied')
    expect(await code('admin', stepMutation('evaluation.release', calibration.args.id))).toBe(
      'applied'
    )
    expect(await seenBy(calibration.args.id)).toEqual({ carla: 'submitted', admin: 'submitted' })
    expect(await code('ana', stepMutation('evaluation.acknowledge', calibration.args.id))).toBe(
      'not_found'
    )
    const rows = await database.db.query<{ released_at: Date | null }>(
      'SELECT released_at FROM evaluations WHERE id = $1',
      [calibration.args.id]
    )
    expect(rows).toEqual([{ released_at: null }])
    // A calibration draft turned into the call's evaluation meets the one that exists.
    const other = save({ agent: 'ana', callId, calibration: true })
    expect(await code('carla', other)).toBe('applied')
    expect(
      await code('carla', {
        ...other,
        id: randomUUID(),
        args: { ...other.args, calibration: false }
      })
    ).toBe('conflict')
  })

  it('keeps training evaluations to trainers, admins and the trainee, on practice calls with training forms', async () => {
    const callId = await practiceCall('ana')
    const training = save({ agent: 'ana', callId, formId: 'test-training', practice: true })
    expect(await code('carla', training)).toBe('forbidden')
    expect(await code('tomas', save({ agent: 'ana', callId, practice: true }))).toBe(
      'invalid_argument'
    )
    expect(await code('tomas', save({ agent: 'ana', callId, formId: 'test-training' }))).toBe(
      'forbidden'
    )
    // The call's run says practice: a production evaluation of it is refused.
    expect(await code('admin', save({ agent: 'ana', callId }))).toBe('invalid_argument')
    expect(await code('tomas', training)).toBe('applied')
    expect(await code('tomas', stepMutation('evaluation.release', training.args.id))).toBe(
      'applied'
    )
    // The trainee gets the feedback (addressed to her under the practice scope); her team's
    // lead never sees practice.
    expect(await seenBy(training.args.id)).toEqual({
      tomas: 'released',
      admin: 'released',
      ana: 'released'
    })
    const pulled = await latestPulled(app, token('tomas'), training.args.id)
    expect(pulled).toMatchObject({ kind: 'training', practice: true, interactionId: null })
    expect(pulled?.teamId).not.toBe(users['ana']?.user.teamId)
    expect(await code('ana', stepMutation('evaluation.acknowledge', training.args.id))).toBe(
      'applied'
    )
    // A production call is scored with a quality form only.
    const { callId: production } = await call('bruno')
    expect(
      await code(
        'admin',
        save({ agent: 'bruno', callId: production, formId: 'test-training', practice: true })
      )
    ).toBe('invalid_argument')
    expect(
      await code('admin', save({ agent: 'bruno', callId: production, formId: 'test-training' }))
    ).toBe('invalid_argument')
  })

  it('refuses the wrong evaluator, agent, form, scope and answers with clear codes', async () => {
    const { callId, interactionId } = await call('diego')
    const sur = users['diego']?.user.teamId ?? ''
    expect(await code('ana', save({ agent: 'diego', callId }))).toBe('forbidden')
    expect(await code('carla', save({ agent: 'diego', callId }))).toBe('forbidden')
    expect(await code('elena', save({ agent: 'elena', callId }))).toBe('forbidden')
    expect(await code('elena', saveMutation({ agentId: randomUUID(), callId }))).toBe('not_found')
    expect(await code('elena', save({ agent: 'diego', callId, formId: 'nope' }))).toBe('not_found')
    expect(await code('elena', save({ agent: 'diego', callId, formVersion: 7 }))).toBe('not_found')
    expect(await code('elena', save({ agent: 'diego', callId, interactionId: randomUUID() }))).toBe(
      'invalid_argument'
    )
    const unknown = [{ questionId: 'nope', value: 'yes', na: false, comment: '' }]
    expect(await code('elena', save({ agent: 'diego', callId, answers: unknown }))).toBe(
      'invalid_argument'
    )
    expect(await code('elena', { ...save({ agent: 'diego', callId }), args: {} })).toBe(
      'invalid_argument'
    )
    // A draft version is no form to score with.
    const draft = await app.inject({
      method: 'POST',
      url: '/api/evaluation-forms',
      headers: { authorization: `Bearer ${token('admin')}` },
      payload: { source: testFormSource() }
    })
    const draftVersion = draft.json<{ version: number }>().version
    expect(await code('elena', save({ agent: 'diego', callId, formVersion: draftVersion }))).toBe(
      'invalid_argument'
    )
    // Scope: the teams a form applies to, and the scripts when the call's run names one.
    const other = users['ana']?.user.teamId ?? ''
    await publishForm(
      app,
      token('admin'),
      testFormSource({ id: 'norte-only', scope: `  teams: [${other}]` })
    )
    expect(await code('elena', save({ agent: 'diego', callId, formId: 'norte-only' }))).toBe(
      'invalid_argument'
    )
    await publishForm(
      app,
      token('admin'),
      testFormSource({ id: 'sur-only', scope: `  teams: [${sur}]` })
    )
    await publishForm(
      app,
      token('admin'),
      testFormSource({ id: 'retention', scope: '  scripts: [outbound-retention]' })
    )
    const run = {
      id: randomUUID(),
      name: 'script_run.record',
      args: {
        id: randomUUID(),
        callId,
        practice: false,
        customerId: null,
        scriptId: 'inbound-service',
        scriptVersion: 1,
        language: 'es',
        status: 'abandoned',
        outcome: null,
        abandonReason: 'call_ended',
        startedAt: '2026-11-24T10:00:00.000Z',
        endedAt: '2026-11-24T10:01:00.000Z',
        steps: [{ nodeId: 'a', enteredAt: '2026-11-24T10:00:00.000Z', seconds: 60 }],
        confirmations: []
      }
    }
    expect(await code('diego', run)).toBe('applied')
    expect(await code('elena', save({ agent: 'diego', callId, formId: 'retention' }))).toBe(
      'invalid_argument'
    )
    const ok = save({ agent: 'diego', callId, formId: 'sur-only' })
    expect(await code('elena', ok)).toBe('applied')
    expect((await latestPulled(app, token('elena'), ok.args.id))?.interactionId).toBe(interactionId)
    // Someone else's evaluation: hidden from those who may not see it, read-only to the rest.
    const edit = { ...ok, id: randomUUID(), args: { ...ok.args, comment: 'Cambio' } }
    expect(await code('carla', edit)).toBe('not_found')
    expect(await code('admin', edit)).toBe('forbidden')
    expect(await code('elena', { ...edit, args: { ...edit.args, callId: 'other' } })).toBe(
      'invalid_argument'
    )
    const nothing = await database.db.query(
      'SELECT 1 FROM evaluations WHERE call_id = $1 AND comment = $2',
      [callId, 'Cambio']
    )
    expect(nothing).toEqual([])
    expect((await pulledEvaluations(app, token('diego'), ok.args.id)).length).toBe(0)
  })
})
