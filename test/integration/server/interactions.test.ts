import { randomUUID } from 'node:crypto'

import { expect, it } from 'vitest'

import { interactionMutation, login, pullAll, push } from '../../support/server-app'
import { describeOnEngines } from '@support/engine-suite'

function record(overrides: Record<string, unknown> = {}) {
  return interactionMutation({ holdSeconds: 3.5, endedBy: 'local', ...overrides })
}

describeOnEngines('interaction records on %s', {}, ({ database, app }) => {
  it('stores a call under the caller from the token, once, and shows it to the team only', async () => {
    const ana = await login(app, 'ana')
    const mutation = record()
    const clientId = randomUUID()
    const first = await push(app, ana.accessToken, [mutation], clientId)
    const again = await push(app, ana.accessToken, [mutation], clientId)
    expect(first.results[0]?.status).toBe('applied')
    expect(again.results).toEqual(first.results)
    const rows = await database.db.query<{ n: number; agent_id: string }>(
      'SELECT count(*)::int AS n, max(agent_id::text) AS agent_id FROM interactions WHERE id = $1',
      [mutation.args.id]
    )
    expect(rows[0]).toEqual({ n: 1, agent_id: ana.user.id })

    const carla = await login(app, 'carla')
    const diego = await login(app, 'diego')
    const seenBy = async (token: string) =>
      (await pullAll(app, token)).changes.some(
        (c) => c.entity === 'interaction' && c.data.id === mutation.args.id
      )
    expect(await seenBy(carla.accessToken)).toBe(true)
    expect(await seenBy(diego.accessToken)).toBe(false)
  })

  it('refuses inconsistent records and practice-only users with a reason', async () => {
    const ana = await login(app, 'ana')
    const inconsistent = record({ answeredAt: '2026-11-24T10:00:04.000Z', result: 'missed' })
    const backwards = record({ endedAt: '2026-11-24T09:00:00.000Z' })
    const answer = await push(app, ana.accessToken, [inconsistent, backwards])
    expect(answer.results.map((r) => r.status)).toEqual(['rejected', 'rejected'])

    const tomas = await login(app, 'tomas')
    const trainer = await push(app, tomas.accessToken, [record()])
    expect(trainer.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } })
  })

  it('keeps the call when its customer does not exist on the server', async () => {
    const ana = await login(app, 'ana')
    const mutation = record({ customerId: randomUUID() })
    const answer = await push(app, ana.accessToken, [mutation])
    expect(answer.results[0]?.status).toBe('applied')
    const rows = await database.db.query<{ customer_id: string | null }>(
      'SELECT customer_id FROM interactions WHERE id = $1',
      [mutation.args.id]
    )
    expect(rows).toEqual([{ customer_id: null }])
  })

  it('keeps who monitored the call and gives it back in pulls; records without it still pull', async () => {
    const ana = await login(app, 'ana')
    const carla = await login(app, 'carla')
    const monitoredBy = [
      {
        sessionId: randomUUID(),
        leadId: carla.user.id,
        leadName: 'Carla Méndez',
        modes: ['listen', 'whisper']
      }
    ]
    const watched = record({ monitoredBy })
    const plain = record()
    const answer = await push(app, ana.accessToken, [watched, plain])
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    const rows = await database.db.query<{ monitored_by: unknown }>(
      'SELECT monitored_by FROM interactions WHERE id = $1',
      [watched.args.id]
    )
    expect(rows[0]?.monitored_by).toEqual(monitoredBy)
    const pulled = (await pullAll(app, carla.accessToken)).changes.filter(
      (c) => c.entity === 'interaction'
    )
    const byId = (id: string) => pulled.find((c) => c.data.id === id)?.data
    expect(byId(watched.args.id)).toMatchObject({ monitoredBy })
    expect(byId(plain.args.id)).not.toHaveProperty('monitoredBy')
    const bad = record({ monitoredBy: [{ ...monitoredBy[0], modes: ['spy'] }] })
    expect((await push(app, ana.accessToken, [bad])).results[0]?.status).toBe('rejected')
  })
})
