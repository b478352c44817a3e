/**
 * The training client against a fake fetch: each route on its path with the session's token,
 * answers parsed with the shared schemas, a 401 renewed once, the server down, 403/404 as
 * forbidden, an answer of the wrong shape as a failure.
 */
import { describe, expect, it } from 'vitest'

import { createTrainingApi } from '@renderer/features/training-progress/training-api'

import { cohort, cohortProgress, ids, sessionDetail, traineeProgress } from './fixtures'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function api(answers: Response[], token = () => 'tok') {
  const calls: { url: string; method: string; body: string | null; auth: string | null }[] = []
  let renewed = 0
  const training = createTrainingApi({
    baseUrl: () => 'http://127.0.0.1:9',
    token,
    renew: () => {
      renewed++
      return Promise.resolve()
    },
    fetch: (input, init) => {
      const headers = new Headers(init?.headers)
      calls.push({
        url: typeof input === 'string' ? input.replace('http://127.0.0.1:9', '') : '?',
        method: init?.method ?? 'GET',
        body: typeof init?.body === 'string' ? init.body : null,
        auth: headers.get('authorization')
      })
      const next = answers.shift()
      return next ? Promise.resolve(next) : Promise.reject(new TypeError('network down'))
    }
  })
  return { training, calls, renewed: () => renewed }
}

describe('the training client', () => {
  it('reads each route on its path, parsed, with the token', async () => {
    const { training, calls } = api([
      json(200, { cohorts: [cohort] }),
      json(200, { trainees: cohort.trainees }),
      json(200, cohortProgress),
      json(200, traineeProgress),
      json(200, traineeProgress),
      json(200, sessionDetail)
    ])
    const cohorts = await training.listCohorts()
    expect(cohorts.ok && cohorts.data.map((c) => c.name)).toEqual(['Cohorte de marzo'])
    const trainees = await training.listTrainees()
    expect(trainees.ok && trainees.data).toHaveLength(2)
    const progress = await training.cohortProgress(ids.cohort)
    expect(progress.ok && progress.data.rows).toHaveLength(2)
    expect((await training.traineeProgress(ids.ana)).ok).toBe(true)
    expect((await training.myProgress()).ok).toBe(true)
    const session = await training.session(ids.s2)
    expect(session.ok && session.data.report.percent).toBe(40)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/training/cohorts',
      'GET /api/training/trainees',
      `GET /api/training/cohorts/${ids.cohort}/progress`,
      `GET /api/training/trainees/${ids.ana}/progress`,
      'GET /api/training/me/progress',
      `GET /api/training/sessions/${ids.s2}`
    ])
    expect(new Set(calls.map((c) => c.auth))).toEqual(new Set(['Bearer tok']))
  })

  it('creates with POST, replaces with PUT and deletes, sending the body as given', async () => {
    const { training, calls } = api([
      json(201, cohort),
      json(200, { cohort }),
      new Response(null, { status: 204 })
    ])
    const body = { name: 'Cohorte de marzo', traineeIds: [ids.ana] }
    const created = await training.saveCohort(null, body)
    expect(created.ok && created.data?.id).toBe(ids.cohort)
    const replaced = await training.saveCohort(ids.cohort, body)
    expect(replaced.ok && replaced.data?.id).toBe(ids.cohort)
    expect(await training.deleteCohort(ids.cohort)).toEqual({ ok: true, data: null })
    expect(calls.map((c) => `${c.method} ${c.url} ${c.body ?? ''}`)).toEqual([
      `POST /api/training/cohorts {"name":"Cohorte de marzo","traineeIds":["${ids.ana}"]}`,
      `PUT /api/training/cohorts/${ids.cohort} {"name":"Cohorte de marzo","traineeIds":["${ids.ana}"]}`,
      `DELETE /api/training/cohorts/${ids.cohort} `
    ])
  })

  it('renews an expired token once, then gives up on a second 401 as a failure', async () => {
    let token = 'old'
    const renewing = api([json(401, {}), json(200, { cohorts: [] })], () => token)
    const listing = renewing.training.listCohorts()
    token = 'new'
    expect(await listing).toEqual({ ok: true, data: [] })
    expect(renewing.renewed()).toBe(1)
    expect(renewing.calls).toHaveLength(2)
    const refused = api([json(401, {}), json(401, { message: 'expired' })])
    expect(await refused.training.listCohorts()).toEqual({
      ok: false,
      reason: 'failed',
      message: 'expired'
    })
    expect(refused.renewed()).toBe(1)
  })

  it('says offline, forbidden, and a malformed answer as a failure', async () => {
    expect(await api([]).training.myProgress()).toEqual({ ok: false, reason: 'offline' })
    expect(await api([json(404, {})]).training.traineeProgress(ids.ana)).toEqual({
      ok: false,
      reason: 'forbidden'
    })
    expect(await api([json(403, {})]).training.deleteCohort(ids.cohort)).toEqual({
      ok: false,
      reason: 'forbidden'
    })
    expect(await api([json(200, { cohorts: [{ id: 'x' }] })]).training.listCohorts()).toEqual({
      ok: false,
      reason: 'failed',
      message: 'unexpected answer'
    })
    expect(await api([json(500, { message: 'boom' })]).training.session(ids.s1)).toEqual({
      ok: false,
      reason: 'failed',
      message: 'boom'
    })
  })
})
