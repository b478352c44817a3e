/**
 * An admin's configuration change reaches a logged-in agent's data worker on its own (the poke
 * makes it pull; the test never nudges the engine): a new disposition code is offered by the
 * wrap-up, a retired one no longer is but stays in the cache for the calls that name it, and a
 * new complaint reason shows under its category. On PGlite and PostgreSQL.
 */
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { offeredDispositionCodes } from '../../src/renderer/src/features/wrap-up/offered-codes'
import type { LocalStore } from '../../src/renderer/src/workers/data/local-store'
import type { ZodApp } from '../../src/server/routes/route-context'
import { buildTestApp, login } from '../support/server-app'
import { createTestDatabase, engines, type TestDatabase } from '../support/server-db'
import { makeStoreDir, removeStoreDir } from '../support/worker-node-files'
import { openTestStore } from '../support/worker-store'
import { startEngine, type EngineHarness } from '../support/worker-sync'

describe.each(engines)('configuration edits reach the worker on %s', (engine) => {
  let database: TestDatabase
  let app: ZodApp
  let url = ''
  let adminToken = ''
  let dir = ''
  let store: LocalStore
  let harness: EngineHarness

  beforeAll(async () => {
    database = await createTestDatabase(engine)
    app = await buildTestApp(database.db)
    await app.listen({ host: '127.0.0.1', port: 0 })
    url = `http://127.0.0.1:${String((app.server.address() as AddressInfo).port)}`
    adminToken = (await login(app, 'admin')).accessToken
    const ana = await login(app, 'ana')
    dir = await makeStoreDir()
    store = await openTestStore(dir)
    harness = startEngine({
      store,
      serverUrl: url,
      tokens: { accessToken: ana.accessToken, refreshToken: ana.refreshToken }
    })
    await vi.waitFor(
      () => {
        expect(harness.engine.status()).toMatchObject({ isLive: true, pending: 0 })
        expect(store.configuration().dispositionCodes.length).toBeGreaterThan(0)
      },
      { timeout: 30_000, interval: 50 }
    )
  })
  afterAll(async () => {
    await harness.engine.stop()
    await store.close()
    await removeStoreDir(dir)
    await app.close()
    await database.dispose()
  })

  const admin = async (method: 'POST' | 'PATCH', path: string, body?: unknown) => {
    const response = await fetch(`${url}/api/admin/configuration${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    expect(response.status).toBeLessThan(300)
  }
  const offered = () => offeredDispositionCodes(store.configuration()).map((c) => c.code)

  it('offers a code an admin added in the wrap-up, in its place, and stops offering it once retired', async () => {
    expect(offered()).not.toContain('promise_to_pay')
    await admin('POST', '/disposition-codes', {
      code: 'promise_to_pay',
      label: { es: 'Promesa de pago', en: 'Promise to pay' },
      sortOrder: 15
    })
    await vi.waitFor(
      () => {
        expect(offered().slice(0, 3)).toEqual(['resolved', 'promise_to_pay', 'information_given'])
      },
      { timeout: 10_000, interval: 20 }
    )
    expect(store.configuration().dispositionCodes).toContainEqual({
      code: 'promise_to_pay',
      label: { es: 'Promesa de pago', en: 'Promise to pay' },
      needsCallback: false,
      active: true,
      sortOrder: 15
    })

    await admin('POST', '/disposition-codes/promise_to_pay/retire')
    await vi.waitFor(
      () => {
        expect(offered()).not.toContain('promise_to_pay')
      },
      { timeout: 10_000, interval: 20 }
    )
    // Still known: a call wrapped up with it before shows its label.
    expect(store.configuration().dispositionCodes).toContainEqual(
      expect.objectContaining({ code: 'promise_to_pay', active: false })
    )
  })

  it('shows a new complaint reason under its category', async () => {
    await admin('POST', '/complaint-categories/billing/subcategories', {
      code: 'late_fee',
      label: { es: 'Recargo por mora', en: 'Late fee' }
    })
    await vi.waitFor(
      () => {
        const billing = store.configuration().complaintCategories.find((c) => c.code === 'billing')
        expect(billing?.subcategories.map((s) => s.code)).toEqual([
          'double_charge',
          'wrong_amount',
          'unknown_charge',
          'late_fee'
        ])
      },
      { timeout: 10_000, interval: 20 }
    )
  })
})
