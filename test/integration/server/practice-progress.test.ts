/**
 * Practice progress on the server (issue 20, item 5): a finished practice call's session is
 * scored from the server's own records (again when its run arrives late), kept through a
 * practice purge, and read as progress: a trainee's own, a trainer's cohorts and their
 * trainees, certification per scenario. Refusals: a scenario version that was never published,
 * a call with no practice wrap-up of the pusher, someone else's session id, a second session for
 * one call; cohorts of agents only; nobody reads a trainee they do not follow.
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, describe, expect, it } from 'vitest'

import { seedPracticeScenarios } from '@server/practice/scenario-seed'
import {
  cohortListSchema,
  cohortProgressSchema,
  cohortSchema,
  practiceSessionDetailSchema,
  traineeProgressSchema
} from '@shared/practice/progress-api'
import { describeOnEngines } from '@support/engine-suite'
import { complaintArgs, complaintMutation, login, push } from '../../support/server-app'

const PERSONA = 'persona-marta-vidal'
const SCENARIO = { scenarioId: 'win-back-high-value', scenarioVersion: 1 }

const t0 = Date.parse('2026-12-07T10:00:00.000Z')
const at = (seconds: number): string => new Date(t0 + seconds * 1000).toISOString()

/** The win-back's expected path through complaint-intake v1, with the answers it expects. */
const WIN_BACK_PATH: (string | [string, string])[] = [
  'acknowledge',
  ['category', 'billing'],
  ['expected', 'El cargo devuelto'],
  ['received', 'Dos cargos'],
  ['dimension', 'reliability'],
  ['severity', 'high'],
  'pick-category',
  'create-billing',
  'close-route',
  'escalate',
  'end-escalated'
]

interface PracticeCall {
  /** Steps of the run (none: no run recorded). */
  path?: (string | [string, string])[]
  complaint?: boolean
  grant?: number
  /** Record the run after the session (as a desk does when the run was still open). */
  runLast?: boolean
  session?: Partial<typeof SCENARIO & { id: string }>
}

const mutation = (name: string, args: Record<string, unknown>) => ({ id: randomUUID(), name, args })

function runArgs(callId: string, path: (string | [string, string])[]) {
  return {
    id: randomUUID(),
    callId,
    practice: true,
    customerId: null,
    scriptId: 'complaint-intake',
    scriptVersion: 1,
    language: 'es',
    status: 'closed',
    outcome: 'complaint-escalated',
    abandonReason: null,
    startedAt: at(0),
    endedAt: at(path.length * 10),
    steps: path.map((n, i) => {
      const [nodeId, answer] = typeof n === 'string' ? [n, undefined] : n
      return {
        nodeId,
        enteredAt: at(i * 10),
        seconds: 10,
        ...(answer === undefined ? {} : { answer })
      }
    }),
    confirmations: []
  }
}

describeOnEngines('practice progress on %s', { customers: 1 }, ({ database, app }) => {
  const tokens: Record<string, string> = {}
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    await seedPracticeScenarios(database.db)
    for (const user of ['ana', 'bruno', 'diego', 'carla', 'tomas', 'admin']) {
      const session = await login(app, user)
      tokens[user] = session.accessToken
      ids[user] = session.user.id
    }
  })

  const token = (user: string): string => tokens[user] ?? ''
  const id = (user: string): string => ids[user] ?? ''
  const send = async (user: string, m: unknown) => (await push(app, token(user), [m])).results[0]
  const get = (user: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token(user)}` } })
  const write = (user: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token(user)}` },
      ...(payload ? { payload } : {})
    })

  /** A practice call of the win-back as `user` does it; answers the session's outcome. */
  async function practise(user: string, call: PracticeCall = {}) {
    const callId = `practice-${randomUUID()}`
    const path = call.path ?? WIN_BACK_PATH
    const complaint = complaintArgs({
      practice: true,
      personaId: PERSONA,
      callId,
      qualityDimension: 'reliability'
    })
    const records: unknown[] = []
    if (call.complaint ?? true) {
      records.push(complaintMutation(complaint))
      if ((call.grant ?? 60) > 0) {
        records.push(
          mutation('compensation.grant', {
            id: randomUUID(),
            complaintId: complaint.id,
            type: 'credit',
            amount: call.grant ?? 60,
            currency: 'USD',
            reason: 'Cargo duplicado',
            expected: 'granted',
            at: at(80)
          })
        )
      }
    }
    const run = path.length > 0 ? mutation('script_run.record', runArgs(callId, path)) : null
    if (run && !call.runLast) records.push(run)
    records.push(
      mutation('disposition.record', {
        id: randomUUID(),
        callId,
        interactionId: null,
        practice: true,
        code: 'complaint_filed',
        note: '',
        customerId: null,
        recordedAt: at(190)
      })
    )
    const sessionId = call.session?.id ?? randomUUID()
    const session = mutation('practice_session.record', {
      id: sessionId,
      callId,
      ...SCENARIO,
      ...call.session,
      mode: 'solo',
      endedAt: at(200)
    })
    records.push(session)
    if (run && call.runLast) records.push(run)
    const results = (await push(app, token(user), records)).results
    return { callId, sessionId, session, results, sessionResult: results[records.indexOf(session)] }
  }

  const stored = async (sessionId: string) =>
    (
      await database.db.query<{ percent: number; passed: boolean; trainee_id: string }>(
        'SELECT percent, passed, trainee_id FROM practice_sessions WHERE id = $1',
        [sessionId]
      )
    )[0]

  describe('sessions', () => {
    it('scores the win-back done right at 100 % from what the server holds', async () => {
      const done = await practise('ana')
      expect(done.results.every((r) => r.status === 'applied')).toBe(true)
      expect(await stored(done.sessionId)).toEqual({
        percent: 100,
        passed: true,
        trainee_id: id('ana')
      })
    })

    it('scores again when the run arrives after the session', async () => {
      const done = await practise('bruno', { runLast: true })
      expect(done.sessionResult).toMatchObject({ status: 'applied' })
      expect(await stored(done.sessionId)).toMatchObject({ percent: 100, passed: true })
    })

    it('fails a call without the complaint, and names the critical failures', async () => {
      const done = await practise('bruno', { complaint: false })
      const session = await get('bruno', `/api/training/sessions/${done.sessionId}`)
      expect(session.statusCode).toBe(200)
      const detail = practiceSessionDetailSchema.parse(session.json())
      expect(detail.passed).toBe(false)
      expect(detail.report.criticalFailures.map((i) => i.kind)).toEqual([
        'complaint_category',
        'complaint_dimension',
        'compensation'
      ])
    })

    it('refuses a version never published, a call with no practice wrap-up, and repeats', async () => {
      const unknown = await practise('ana', { session: { scenarioVersion: 99 } })
      expect(unknown.sessionResult).toMatchObject({
        status: 'rejected',
        reason: { code: 'not_found' }
      })
      const noWrapUp = await send(
        'ana',
        mutation('practice_session.record', {
          id: randomUUID(),
          callId: 'practice-never-wrapped',
          ...SCENARIO,
          mode: 'solo',
          endedAt: at(10)
        })
      )
      expect(noWrapUp).toMatchObject({ status: 'rejected', reason: { code: 'invalid_argument' } })

      const done = await practise('ana')
      // The same record again (a lost answer): applied, nothing new.
      expect(await send('ana', { ...done.session, id: randomUUID() })).toMatchObject({
        status: 'applied'
      })
      // Its id from someone else: refused.
      expect(await send('bruno', { ...done.session, id: randomUUID() })).toMatchObject({
        status: 'rejected',
        reason: { code: 'conflict' }
      })
      // A second session for the same call: refused.
      const second = {
        ...done.session,
        id: randomUUID(),
        args: { ...done.session.args, id: randomUUID() }
      }
      expect(await send('ana', second)).toMatchObject({
        status: 'rejected',
        reason: { code: 'conflict' }
      })
    })

    it('refuses a malformed session with the reason: a hostile call id, an unknown mode', async () => {
      const bad = (args: Record<string, unknown>) =>
        mutation('practice_session.record', {
          id: randomUUID(),
          callId: 'practice-1',
          ...SCENARIO,
          mode: 'solo',
          endedAt: at(1),
          ...args
        })
      const answer = await push(app, token('ana'), [
        bad({ callId: 'x\u0000y' }),
        bad({ mode: 'exam' }),
        bad({ scenarioVersion: 0 }),
        bad({ trainee: id('bruno') })
      ])
      for (const result of answer.results) {
        expect(result).toMatchObject({ status: 'rejected', reason: { code: 'invalid_argument' } })
      }
    })
  })

  describe('certification and progress', () => {
    it('certifies Diego on the third pass at 80 % or more, and lists his weakest point', async () => {
      await practise('diego')
      await practise('diego', { complaint: false })
      await practise('diego')
      let mine = traineeProgressSchema.parse(
        (await get('diego', '/api/training/me/progress')).json()
      )
      let winBack = mine.certifications.find((c) => c.scenarioId === SCENARIO.scenarioId)
      expect(winBack).toMatchObject({ passes: 2, required: 3, certified: false, best: 100 })
      await practise('diego')
      mine = traineeProgressSchema.parse((await get('diego', '/api/training/me/progress')).json())
      winBack = mine.certifications.find((c) => c.scenarioId === SCENARIO.scenarioId)
      expect(winBack).toMatchObject({ passes: 3, certified: true })
      expect(winBack?.certifiedAt).not.toBeNull()
      expect(mine.sessions).toHaveLength(4)
      // The complaint left out once: missed in one of four sessions.
      expect(mine.weakest[0]).toMatchObject({
        scenarioId: SCENARIO.scenarioId,
        kind: 'complaint_category',
        misses: 1,
        attempts: 4,
        trainees: 1
      })
      // Every other published sample is listed, not yet certified.
      expect(mine.certifications.length).toBeGreaterThanOrEqual(4)
    })
  })

  describe('cohorts', () => {
    let cohortId = ''

    it("seeds the trainer's demo cohort with every demo agent", async () => {
      const listed = cohortListSchema.parse((await get('tomas', '/api/training/cohorts')).json())
      expect(listed.cohorts).toHaveLength(1)
      expect(listed.cohorts[0]?.trainees.map((t) => t.displayName)).toEqual([
        'Ana Ortiz',
        'Bruno Salas',
        'Diego Ramírez',
        'Fernando Gil'
      ])
      // The cases below set up their own cohorts: who a trainer follows is theirs alone.
      await database.db.query('DELETE FROM training_cohorts')
    })

    it('lets a trainer gather agents in a cohort, never leads or unknown users', async () => {
      const refused = await write('tomas', 'POST', '/api/training/cohorts', {
        name: 'Norte, diciembre',
        traineeIds: [id('ana'), id('carla')]
      })
      expect(refused.statusCode).toBe(400)
      expect(refused.json()).toMatchObject({ error: { details: { traineeIds: [id('carla')] } } })

      const created = await write('tomas', 'POST', '/api/training/cohorts', {
        name: 'Norte, diciembre',
        traineeIds: [id('ana'), id('bruno')]
      })
      expect(created.statusCode).toBe(201)
      const cohort = cohortSchema.parse(created.json())
      cohortId = cohort.id
      expect(cohort.trainees.map((t) => t.displayName).sort()).toEqual(['Ana Ortiz', 'Bruno Salas'])
      expect(cohort.trainerId).toBe(id('tomas'))
    })

    it('keeps cohorts to trainers and admins', async () => {
      for (const user of ['ana', 'carla']) {
        expect((await get(user, '/api/training/cohorts')).statusCode).toBe(403)
        const post = await write(user, 'POST', '/api/training/cohorts', {
          name: 'x',
          traineeIds: []
        })
        expect(post.statusCode).toBe(403)
      }
    })

    it("shows the cohort's progress: rows, certification grid, where most fail", async () => {
      const response = await get('tomas', `/api/training/cohorts/${cohortId}/progress`)
      expect(response.statusCode).toBe(200)
      const progress = cohortProgressSchema.parse(response.json())
      const ana = progress.rows.find((r) => r.trainee.id === id('ana'))
      expect(ana?.sessions).toBe(2)
      expect(ana?.lastPercent).toBe(100)
      const bruno = progress.rows.find((r) => r.trainee.id === id('bruno'))
      expect(bruno?.sessions).toBe(2)
      expect(bruno?.averagePercent).toBeLessThan(100)
      expect(progress.scenarios.map((s) => s.scenarioId)).toContain(SCENARIO.scenarioId)
      expect(progress.certifications).toHaveLength(2 * progress.scenarios.length)
      expect(progress.weakest[0]).toMatchObject({ kind: 'complaint_category', trainees: 1 })
      // Diego is not in it: his sessions are not counted.
      expect(progress.rows.map((r) => r.trainee.id)).not.toContain(id('diego'))
    })

    it('lets the trainer read the trainees they follow, and nobody else', async () => {
      expect((await get('tomas', `/api/training/trainees/${id('ana')}/progress`)).statusCode).toBe(
        200
      )
      expect(
        (await get('tomas', `/api/training/trainees/${id('diego')}/progress`)).statusCode
      ).toBe(404)
      expect(
        (await get('admin', `/api/training/trainees/${id('diego')}/progress`)).statusCode
      ).toBe(200)
      expect((await get('ana', `/api/training/trainees/${id('ana')}/progress`)).statusCode).toBe(
        200
      )
      expect((await get('ana', `/api/training/trainees/${id('bruno')}/progress`)).statusCode).toBe(
        404
      )
      expect((await get('carla', `/api/training/trainees/${id('ana')}/progress`)).statusCode).toBe(
        404
      )
      const diegos = traineeProgressSchema.parse(
        (await get('admin', `/api/training/trainees/${id('diego')}/progress`)).json()
      )
      const session = diegos.sessions[0]?.id ?? ''
      expect((await get('diego', `/api/training/sessions/${session}`)).statusCode).toBe(200)
      expect((await get('tomas', `/api/training/sessions/${session}`)).statusCode).toBe(404)
      expect((await get('ana', `/api/training/sessions/${session}`)).statusCode).toBe(404)
      expect((await get('admin', `/api/training/sessions/${randomUUID()}`)).statusCode).toBe(404)
    })

    it("keeps an admin's cohort from other trainers; renames, changes members, deletes", async () => {
      const admins = await write('admin', 'POST', '/api/training/cohorts', {
        name: 'Sur',
        traineeIds: [id('diego')]
      })
      const adminCohort = cohortSchema.parse(admins.json())
      const listed = (await get('tomas', '/api/training/cohorts')).json<{
        cohorts: { id: string }[]
      }>()
      expect(listed.cohorts.map((c) => c.id)).toContain(cohortId)
      expect(listed.cohorts.map((c) => c.id)).not.toContain(adminCohort.id)
      expect(
        (
          await write('tomas', 'PUT', `/api/training/cohorts/${adminCohort.id}`, {
            name: 'Mío',
            traineeIds: []
          })
        ).statusCode
      ).toBe(404)
      expect(
        (await get('tomas', `/api/training/cohorts/${adminCohort.id}/progress`)).statusCode
      ).toBe(404)

      const changed = await write('tomas', 'PUT', `/api/training/cohorts/${cohortId}`, {
        name: 'Norte y Sur',
        traineeIds: [id('ana'), id('diego')]
      })
      expect(changed.statusCode).toBe(200)
      expect(cohortSchema.parse(changed.json())).toMatchObject({ name: 'Norte y Sur' })
      expect(
        (await get('tomas', `/api/training/trainees/${id('diego')}/progress`)).statusCode
      ).toBe(200)
      expect(
        (await get('tomas', `/api/training/trainees/${id('bruno')}/progress`)).statusCode
      ).toBe(404)

      expect((await write('tomas', 'DELETE', `/api/training/cohorts/${cohortId}`)).statusCode).toBe(
        204
      )
      expect((await get('tomas', `/api/training/cohorts/${cohortId}/progress`)).statusCode).toBe(
        404
      )
      // The trainees' sessions stay: their record, not the cohort's.
      const anas = traineeProgressSchema.parse(
        (await get('ana', '/api/training/me/progress')).json()
      )
      expect(anas.sessions.length).toBeGreaterThan(0)
    })

    it('keeps sessions through a practice purge', async () => {
      const before = traineeProgressSchema.parse(
        (await get('ana', '/api/training/me/progress')).json()
      )
      expect((await write('tomas', 'POST', '/api/practice/purge')).statusCode).toBe(200)
      const after = traineeProgressSchema.parse(
        (await get('ana', '/api/training/me/progress')).json()
      )
      expect(after.sessions).toEqual(before.sessions)
    })
  })
})
