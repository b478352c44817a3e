import { randomUUID } from 'node:crypto'

import { expect, it } from 'vitest'

import type { ScriptAnalytics } from '@shared/scripts/run-analytics'
import { login, push, syncHeaders } from '../../support/server-app'
import { describeOnEngines } from '@support/engine-suite'

/** A run of script `test-script` v1: a → b → end, closed, or abandoned on b. */
function runMutation(overrides: Record<string, unknown> = {}) {
  const abandoned = overrides['status'] === 'abandoned'
  return {
    id: randomUUID(),
    name: 'script_run.record',
    args: {
      id: randomUUID(),
      callId: `call-${randomUUID()}`,
      practice: false,
      customerId: null,
      scriptId: 'test-script',
      scriptVersion: 1,
      language: 'es',
      status: 'closed',
      outcome: abandoned ? null : 'resolved',
      abandonReason: abandoned ? 'call_ended' : null,
      startedAt: '2026-11-24T10:00:00.000Z',
      endedAt: '2026-11-24T10:01:00.000Z',
      steps: abandoned
        ? [
            { nodeId: 'a', enteredAt: '2026-11-24T10:00:00.000Z', seconds: 10 },
            { nodeId: 'b', enteredAt: '2026-11-24T10:00:10.000Z', seconds: 50 }
          ]
        : [
            { nodeId: 'a', enteredAt: '2026-11-24T10:00:00.000Z', seconds: 20, answer: 'yes' },
            { nodeId: 'b', enteredAt: '2026-11-24T10:00:20.000Z', seconds: 30 },
            { nodeId: 'end', enteredAt: '2026-11-24T10:00:50.000Z', seconds: 10 }
          ],
      confirmations: [{ nodeId: 'a', at: '2026-11-24T10:00:05.000Z' }],
      ...overrides
    }
  }
}

describeOnEngines('script run records and analytics on %s', {}, ({ app }) => {
  async function analytics(
    token: string,
    query = '',
    version = 1
  ): Promise<ScriptAnalytics & { practice: boolean }> {
    const response = await app.inject({
      method: 'GET',
      url: `/api/scripts/test-script/versions/${String(version)}/analytics${query}`,
      headers: syncHeaders(token)
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json()
  }

  it('stores each run once and reports completion, drop-off and time per node to the team lead', async () => {
    const ana = await login(app, 'ana')
    const bruno = await login(app, 'bruno')
    const carla = await login(app, 'carla') // lead of Norte (Ana and Bruno)
    const elena = await login(app, 'elena') // lead of another team
    const closed = runMutation()
    const clientId = randomUUID()
    const first = await push(app, ana.accessToken, [closed], clientId)
    const again = await push(app, ana.accessToken, [closed], clientId)
    expect(first.results[0]?.status).toBe('applied')
    expect(again.results[0]?.status).toBe('applied')
    await push(app, bruno.accessToken, [
      runMutation({ status: 'abandoned' }),
      runMutation({ status: 'abandoned' }),
      runMutation({ outcome: 'transferred' })
    ])

    const report = await analytics(carla.accessToken)
    expect(report).toMatchObject({
      practice: false,
      runs: 4,
      closed: 2,
      abandoned: 2,
      completionRate: 0.5,
      outcomes: [
        { code: 'resolved', runs: 1 },
        { code: 'transferred', runs: 1 }
      ]
    })
    expect(report.nodes).toEqual([
      { nodeId: 'a', runs: 4, dropOffs: 0, dropOffRate: 0, medianSeconds: 15 },
      { nodeId: 'b', runs: 4, dropOffs: 2, dropOffRate: 0.5, medianSeconds: 40 },
      { nodeId: 'end', runs: 2, dropOffs: 0, dropOffRate: 0, medianSeconds: 10 }
    ])
    expect((await analytics(elena.accessToken)).runs).toBe(0)
  })

  it('counts offers made, accepted and declined per offer step, and the acceptance rate', async () => {
    const ana = await login(app, 'ana')
    const carla = await login(app, 'carla')
    /** A v2 run through offer step `o` (offered or not, with the customer's answer or none). */
    const offerRun = (offered: boolean, answer?: 'accepted' | 'declined') =>
      runMutation({
        scriptVersion: 2,
        steps: [
          {
            nodeId: 'o',
            enteredAt: '2026-11-24T10:00:00.000Z',
            seconds: 30,
            ...(offered ? { offered: 'MOB-PLUS' } : {}),
            ...(answer ? { answer } : {})
          },
          { nodeId: 'end', enteredAt: '2026-11-24T10:00:30.000Z', seconds: 30 }
        ]
      })
    const pushed = await push(app, ana.accessToken, [
      offerRun(true, 'accepted'),
      offerRun(true, 'declined'),
      offerRun(true, 'declined'),
      offerRun(true),
      offerRun(false)
    ])
    expect(pushed.results.map((r) => r.status)).toEqual(Array(5).fill('applied'))
    const report = await analytics(carla.accessToken, '', 2)
    expect(report.runs).toBe(5)
    expect(report.offers).toEqual([
      { nodeId: 'o', offers: 4, accepted: 1, declined: 2, acceptanceRate: 0.25 }
    ])
    // Version 1 has no offer step: no offer figures.
    expect((await analytics(carla.accessToken)).offers).toEqual([])
  })

  it('keeps practice apart: trainers record and read practice runs only', async () => {
    const tomas = await login(app, 'tomas')
    const production = await push(app, tomas.accessToken, [runMutation()])
    expect(production.results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'forbidden' }
    })
    const practice = await push(app, tomas.accessToken, [runMutation({ practice: true })])
    expect(practice.results[0]?.status).toBe('applied')
    const report = await analytics(tomas.accessToken)
    expect(report).toMatchObject({ practice: true, runs: 1, closed: 1 })
  })

  it('rejects a malformed run with the reason, and a run id taken by someone else', async () => {
    const ana = await login(app, 'ana')
    const bruno = await login(app, 'bruno')
    const bad = await push(app, ana.accessToken, [
      runMutation({ steps: [], status: 'closed', outcome: null })
    ])
    expect(bad.results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'invalid_argument' }
    })
    const taken = runMutation()
    await push(app, ana.accessToken, [taken])
    const stolen = await push(app, bruno.accessToken, [{ ...taken, id: randomUUID() }])
    expect(stolen.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } })
  })
})
