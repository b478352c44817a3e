/**
 * The floor's alert thresholds, as an admin edits them: replaced whole, answered by the
 * admin GET, and pulled by every desk's data worker on its own (a lead's floor reads them from
 * there); bad input is a clear 400 that changes nothing. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest'

import { defaultFloorAlerts, type FloorAlerts } from '@shared/domain/configuration'
import { createTestDatabase } from '../support/server-db'
import { describeOnEngines } from '@support/engine-suite'
import { useTestServer } from '../support/worker-server'
import { openSyncClient, type SyncClient } from '../support/worker-sync'

const PATH = '/api/admin/configuration'

describeOnEngines('floor alert thresholds reach the desks on %s', (engine) => {
  const { server, tokens } = useTestServer({
    users: ['admin', 'carla', 'ana'],
    database: () => createTestDatabase(engine)
  })
  let carla: SyncClient

  beforeAll(async () => {
    carla = await openSyncClient({ serverUrl: server.url, tokens: tokens('carla') })
    await vi.waitFor(
      () => {
        expect(carla.harness.engine.status()).toMatchObject({ isLive: true, pending: 0 })
        expect(carla.store.configuration.current().pauseReasons.length).toBeGreaterThan(0)
      },
      { timeout: 30_000, interval: 50 }
    )
  })
  afterAll(async () => {
    await carla.close()
  })

  const send = (method: 'GET' | 'PUT', body?: unknown, who: 'admin' | 'carla' = 'admin') =>
    fetch(`${server.url}${PATH}${method === 'PUT' ? '/floor-alerts' : ''}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens(who).accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })

  it('starts with the defaults the seed published', () => {
    expect(carla.store.configuration.current().floorAlerts).toEqual(defaultFloorAlerts)
  })

  it("replaces the thresholds; the lead's worker pulls them without being nudged", async () => {
    const stricter: FloorAlerts = {
      longCallMinutes: 8,
      longWrapUpSeconds: 45,
      missedCallWindowMinutes: 30,
      notify: { ...defaultFloorAlerts.notify, missedCall: false, handRaised: false }
    }
    const response = await send('PUT', stricter)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(stricter)
    await vi.waitFor(
      () => {
        expect(carla.store.configuration.current().floorAlerts).toEqual(stricter)
      },
      { timeout: 10_000, interval: 20 }
    )
    const configured = (await (await send('GET')).json()) as { floorAlerts: FloorAlerts }
    expect(configured.floorAlerts).toEqual(stricter)
  })

  it('answers bad thresholds with a 400 that names the field, and changes nothing', async () => {
    const before = carla.store.configuration.current().floorAlerts
    const cases: [string, unknown, RegExp][] = [
      ['a zero long call', { ...defaultFloorAlerts, longCallMinutes: 0 }, /longCallMinutes/],
      ['a fractional wrap-up', { ...defaultFloorAlerts, longWrapUpSeconds: 30.5 }, /whole/],
      ['a day-long window', { ...defaultFloorAlerts, missedCallWindowMinutes: 1440 }, /at most/],
      [
        'a switch left out',
        { ...defaultFloorAlerts, notify: { longCall: true } },
        /notify\.longWrapUp|longWrapUp/
      ],
      ['an unknown field', { ...defaultFloorAlerts, volume: 3 }, /volume/]
    ]
    for (const [what, body, says] of cases) {
      const response = await send('PUT', body)
      expect(response.status, what).toBe(400)
      expect(await response.text(), what).toMatch(says)
    }
    expect((await send('PUT', defaultFloorAlerts, 'carla')).status).toBe(403)
    expect(carla.store.configuration.current().floorAlerts).toEqual(before)
  })
})
