/**
 * An admin's configuration change reaches a logged-in agent's data worker on its own (the poke
 * makes it pull; the test never nudges the engine): a new disposition code is offered by the
 * wrap-up, a retired one no longer is but stays in the cache for the calls that name it, and a
 * new complaint reason shows under its category. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest'

import { offeredDispositionCodes } from '@renderer/features/wrap-up/offered-codes'
import { createTestDatabase } from '../support/server-db'
import { describeOnEngines } from '@support/engine-suite'
import { useTestServer } from '../support/worker-server'
import { openSyncClient, type SyncClient } from '../support/worker-sync'

describeOnEngines('configuration edits reach the worker on %s', (engine) => {
  const { server, tokens } = useTestServer({
    users: ['admin', 'ana'],
    database: () => createTestDatabase(engine)
  })
  let ana: SyncClient

  beforeAll(async () => {
    ana = await openSyncClient({ serverUrl: server.url, tokens: tokens('ana') })
    await vi.waitFor(
      () => {
        expect(ana.harness.engine.status()).toMatchObject({ isLive: true, pending: 0 })
        expect(ana.store.configuration.current().dispositionCodes.length).toBeGreaterThan(0)
      },
      { timeout: 30_000, interval: 50 }
    )
  })
  afterAll(async () => {
    await ana.close()
  })

  const admin = async (method: 'POST' | 'PATCH', path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/admin/configuration${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens('admin').accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    expect(response.status).toBeLessThan(300)
  }
  const offered = () =>
    offeredDispositionCodes(ana.store.configuration.current()).map((c) => c.code)

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
    expect(ana.store.configuration.current().dispositionCodes).toContainEqual({
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
    expect(ana.store.configuration.current().dispositionCodes).toContainEqual(
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
        const billing = ana.store.configuration
          .current()
          .complaintCategories.find((c) => c.code === 'billing')
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
