/**
 * The monitoring policy, as an admin edits it: replaced whole and pulled by every desk's data
 * worker as `monitoring_policy` (null until an admin saves one: desks use the default); bad input
 * is a 400 naming the field that changes nothing; only admins may save. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest'

import {
  DEFAULT_MONITORING_POLICY,
  type MonitoringPolicy
} from '@shared/monitoring/monitoring-policy'
import { createTestDatabase } from '../support/server-db'
import { describeOnEngines } from '@support/engine-suite'
import { useTestServer } from '../support/worker-server'
import { openSyncClient, type SyncClient } from '../support/worker-sync'

const PATH = '/api/admin/configuration/monitoring'

describeOnEngines('the monitoring policy reaches the desks on %s', (engine) => {
  const { server, tokens } = useTestServer({
    users: ['admin', 'carla', 'ana'],
    database: () => createTestDatabase(engine)
  })
  let ana: SyncClient

  beforeAll(async () => {
    ana = await openSyncClient({ serverUrl: server.url, tokens: tokens('ana') })
    await vi.waitFor(
      () => {
        expect(ana.harness.engine.status()).toMatchObject({ isLive: true, pending: 0 })
        expect(ana.store.configuration.current().pauseReasons.length).toBeGreaterThan(0)
      },
      { timeout: 30_000, interval: 50 }
    )
  })
  afterAll(async () => {
    await ana.close()
  })

  const put = (body: unknown, who: 'admin' | 'carla' | 'ana' = 'admin') =>
    fetch(`${server.url}${PATH}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${tokens(who).accessToken}`,
        'content-type': 'application/json'
      },
      body: JSON.stringify(body)
    })

  it('has no policy on the desk until an admin saves one', () => {
    expect(ana.store.configuration.current().monitoringPolicy).toBeNull()
  })

  it("replaces the policy; an agent's worker pulls it without being nudged", async () => {
    const pbx: MonitoringPolicy = {
      ...DEFAULT_MONITORING_POLICY,
      method: 'pbx',
      permissions: { team_lead: ['listen'], admin: ['listen', 'barge'] },
      agentSeesListen: false
    }
    const response = await put(pbx)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(pbx)
    await vi.waitFor(
      () => {
        expect(ana.store.configuration.current().monitoringPolicy).toEqual(pbx)
      },
      { timeout: 10_000, interval: 20 }
    )
  })

  it('answers a bad policy with a 400 that names the field, and changes nothing', async () => {
    const before = ana.store.configuration.current().monitoringPolicy
    const d = DEFAULT_MONITORING_POLICY
    const cases: [string, unknown, RegExp][] = [
      ['an unknown method', { ...d, method: 'spy' }, /method/],
      [
        'a dial string without the extension',
        { ...d, pbx: { ...d.pbx, dial: { ...d.pbx.dial, listen: '*222' } } },
        /listen|extension/
      ],
      [
        'a switch key that is no DTMF',
        { ...d, pbx: { ...d.pbx, switchKeys: { ...d.pbx.switchKeys, barge: 'x' } } },
        /barge|DTMF/
      ],
      ['an unknown mode', { ...d, permissions: { ...d.permissions, admin: ['spy'] } }, /admin/],
      ['no agentSeesListen', { ...d, agentSeesListen: undefined }, /agentSeesListen/]
    ]
    for (const [what, body, says] of cases) {
      const response = await put(body)
      expect(response.status, what).toBe(400)
      expect(await response.text(), what).toMatch(says)
    }
    expect((await put(d, 'carla')).status).toBe(403)
    expect((await put(d, 'ana')).status).toBe(403)
    expect(ana.store.configuration.current().monitoringPolicy).toEqual(before)
  })
})
