/**
 * The initial load against the real server through a TCP proxy that cuts the bulk pull stream
 * mid-transfer: the partial load is rolled back, the engine retries, and the cache ends with
 * every customer once, ready for pops, with later changes arriving through the paged pull.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { CuttingProxy } from '../support/cutting-proxy'
import { makeStoreDir, removeStoreDir } from '../support/worker-node-files'
import { TestServer } from '../support/worker-server'
import { openTestStore } from '../support/worker-store'
import { startEngine } from '../support/worker-sync'
import { countCustomers, matchCustomer } from '@renderer/workers/data/customers/queries'

describe('initial load with the bulk pull cut mid-stream', () => {
  let server: TestServer
  let proxy: CuttingProxy
  let dir = ''

  beforeAll(async () => {
    server = await TestServer.create()
    await server.start()
    proxy = await CuttingProxy.start(Number(new URL(server.url).port))
    dir = await makeStoreDir()
  }, 120_000)

  afterAll(async () => {
    await proxy.close()
    await server.close()
    await removeStoreDir(dir)
  })

  it('rolls the cut load back, retries, and ends with every customer exactly once', async () => {
    const [{ n: seeded } = { n: -1 }] = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM customers'
    )
    const store = await openTestStore(dir)
    const { accessToken, refreshToken } = await server.login('bruno')
    proxy.cutNextResponseTo('GET /api/sync/bulk')
    const harness = startEngine({
      store,
      serverUrl: proxy.url,
      tokens: { accessToken, refreshToken }
    })
    await vi.waitFor(
      () => {
        expect(store.needsInitialLoad).toBe(false)
      },
      { timeout: 60_000, interval: 50 }
    )
    expect(proxy.cuts).toBe(1)
    expect(countCustomers(store.db)).toBe(seeded)
    const jose = matchCustomer(store.db, {
      callerNumber: '612 34 56 78',
      ctiCustomerId: null,
      defaultCountry: 'ES'
    })
    expect(jose.customers.map((c) => c.firstName)).toEqual(['José'])
    await harness.engine.stop()
    await store.close()

    // The load is in the snapshot alone: a restart neither loads it again nor replays it.
    const reopened = await openTestStore(dir)
    expect(reopened.report).toMatchObject({ snapshotLoaded: true, restoredWrites: 0 })
    expect(countCustomers(reopened.db)).toBe(seeded)
    expect(reopened.needsInitialLoad).toBe(false)
    await reopened.close()
  })
})
