/**
 * Agent state records (`agent_state.record`) and the configuration pulled read-only: who may
 * record and see states, and who pulls which configuration and directory rows.
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import type { Change } from '@shared/sync/protocol'
import { describeOnEngines } from '@support/engine-suite'
import { login, pullAll, push } from '../../support/server-app'

function stateMutation(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    name: 'agent_state.record',
    args: {
      id: randomUUID(),
      state: 'not_ready',
      pauseReason: 'break',
      since: new Date().toISOString(),
      ...overrides
    }
  }
}

const ofEntity = <E extends Change['entity']>(changes: Change[], entity: E) =>
  changes.filter((c): c is Extract<Change, { entity: E }> => c.entity === entity)

describeOnEngines('agent states and configuration on %s', {}, ({ database, app }) => {
  const tokens = new Map<string, { token: string; id: string }>()

  beforeAll(async () => {
    for (const user of ['ana', 'bruno', 'carla', 'elena', 'tomas', 'admin']) {
      const session = await login(app, user)
      tokens.set(user, { token: session.accessToken, id: session.user.id })
    }
  })

  const token = (user: string) => tokens.get(user)?.token ?? ''
  const userId = (user: string) => tokens.get(user)?.id ?? ''
  const pulled = async (user: string) => (await pullAll(app, token(user))).changes

  it("records an agent's states once, visible to the agent, the team's lead and admins only", async () => {
    const ready = stateMutation({ state: 'ready', pauseReason: null })
    const paused = stateMutation()
    const clientId = randomUUID()
    const first = await push(app, token('ana'), [ready, paused], clientId)
    const again = await push(app, token('ana'), [paused], clientId)
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect(again.results).toEqual([first.results[1]])
    const rows = await database.db.query<{ state: string; pause_reason: string | null }>(
      'SELECT state, pause_reason FROM agent_states WHERE agent_id = $1 ORDER BY since',
      [userId('ana')]
    )
    expect(rows).toEqual([
      { state: 'ready', pause_reason: null },
      { state: 'not_ready', pause_reason: 'break' }
    ])
    const ids: string[] = [ready.args.id, paused.args.id]
    const seen = async (user: string) =>
      ofEntity(await pulled(user), 'agent_state')
        .map((c) => c.data.id)
        .filter((id) => ids.includes(id))
    expect(await seen('ana')).toEqual(ids)
    expect(await seen('carla')).toEqual(ids)
    expect(await seen('admin')).toEqual(ids)
    expect(await seen('bruno')).toEqual([])
    expect(await seen('elena')).toEqual([])
    expect(await seen('tomas')).toEqual([])
    const mine = ofEntity(await pulled('ana'), 'agent_state').find((c) => c.data.id === ids[1])
    expect(mine?.data).toMatchObject({
      state: 'not_ready',
      pauseReason: 'break',
      agentId: userId('ana')
    })
  })

  it('rejects unknown pause reasons, reasons outside not_ready, and trainers', async () => {
    const answer = await push(app, token('ana'), [
      stateMutation({ pauseReason: 'nap' }),
      stateMutation({ state: 'ready', pauseReason: 'break' })
    ])
    expect(answer.results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual(
      ['invalid_argument', 'invalid_argument']
    )
    const trainer = await push(app, token('tomas'), [stateMutation()])
    expect(trainer.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } })
  })

  it('pulls the configuration to everyone, in Spanish and English', async () => {
    for (const user of ['ana', 'tomas', 'admin']) {
      const changes = await pulled(user)
      const pauses = ofEntity(changes, 'pause_reason').map((c) => c.data)
      expect(pauses.map((p) => p.code)).toContain('phone_problem')
      expect(pauses.find((p) => p.code === 'lunch')?.label).toEqual({ es: 'Almuerzo', en: 'Lunch' })
      expect(ofEntity(changes, 'disposition_code').length).toBeGreaterThanOrEqual(6)
      const billing = ofEntity(changes, 'complaint_category').find((c) => c.data.code === 'billing')
      expect(billing?.data.subcategories.map((s) => s.code)).toContain('double_charge')
      const limits = ofEntity(changes, 'compensation_limits')[0]?.data
      expect(limits?.perGrant).toContainEqual({ role: 'agent', tier: 'standard', maxAmount: 20 })
      expect(limits?.dailyCapPerCustomer).toBeGreaterThan(0)
      expect(
        ofEntity(changes, 'team')
          .map((c) => c.data.name)
          .sort()
      ).toEqual(['Centro', 'Norte', 'Sur'])
    }
  })

  it("pulls the directory scoped: an agent's team and teamless users; admins everyone", async () => {
    const usernames = async (user: string) =>
      ofEntity(await pulled(user), 'user')
        .map((c) => c.data.username)
        .sort()
    expect(await usernames('ana')).toEqual(['admin', 'ana', 'bruno', 'carla', 'tomas'])
    expect(await usernames('elena')).toEqual(['admin', 'diego', 'elena', 'tomas'])
    expect(await usernames('tomas')).toEqual(['admin', 'tomas'])
    expect(await usernames('admin')).toHaveLength(9)
    const ana = ofEntity(await pulled('ana'), 'user').find((c) => c.data.username === 'ana')
    expect(ana?.data).toMatchObject({ role: 'agent', sipExtension: '1001' })
  })
})
