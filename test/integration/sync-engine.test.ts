/**
 * The data worker's store and sync engine against the real central server (buildApp on PGlite,
 * seeded with the demo data, listening on 127.0.0.1). Records are counted on both ends.
 */
import { randomUUID } from 'node:crypto'

import { afterEach, describe, expect, it, vi } from 'vitest'

import type { FetchLike } from '@renderer/workers/data/sync/http'
import { createComplaint } from '@renderer/workers/data/complaints/commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { countCustomers, matchCustomer } from '@renderer/workers/data/customers/queries'
import { searchCustomers } from '@renderer/workers/data/customers/search'
import type { SessionTokens } from '@shared/contract/worker'
import { useTestServer } from '../support/worker-server'
import { openTestStore } from '../support/worker-store'
import { type EngineHarness, startEngine, useSyncClients } from '../support/worker-sync'

const complaint = (description: string, customerId: string | null = null) =>
  ({
    customerId,
    callId: `call-${randomUUID().slice(0, 8)}`,
    category: 'billing',
    description
  }) as const

describe('sync engine against the central server', () => {
  const { server, tokens } = useTestServer({ users: ['ana'] })
  // Registered before the clients, so it runs after they are closed: a test may stop the server.
  afterEach(async () => {
    await server.start()
  })
  const clients = useSyncClients(server)

  /** A fresh store in its own temp dir, plus an engine on it (Ana's unless told); closed after the test. */
  const client = (options: { tokens?: SessionTokens; fetch?: FetchLike } = {}) =>
    clients.open({ ...options, tokens: options.tokens ?? tokens('ana') })

  it('loads the 5,000 demo customers on the first pull and pops José Núñez by number', async () => {
    const { store, harness } = await client()
    const status = await harness.engine.syncNow()
    expect(status.lastError).toBeNull()
    expect(countCustomers(store.db)).toBe(5000)
    expect(status.cursor).toBeGreaterThan(0)
    const match = matchCustomer(store.db, {
      callerNumber: '612 34 56 78',
      ctiCustomerId: null,
      defaultCountry: 'ES'
    })
    expect(match.matchedBy).toBe('phone')
    expect(match.customers.map((c) => `${c.firstName} ${c.lastName}`)).toContain('José Núñez Peña')
    expect(
      searchCustomers(store.db, 'jose nunez', 20).some((c) => c.lastName === 'Núñez Peña')
    ).toBe(true)
    expect(harness.eventsNamed('data:changed').flatMap((e) => e.entities)).toContain('customer')
  })

  it('sends complaints written offline exactly once when the server comes back', async () => {
    await server.stop()
    const { store, harness } = await client()
    const written = []
    for (let i = 0; i < 3; i++)
      written.push(await createComplaint(store, complaint(`Sin red ${i}`)))
    const offline = await harness.engine.syncNow()
    expect(offline.lastError?.code).toBe('unavailable')
    expect(offline.pending).toBe(3)

    await server.start()
    const online = await harness.engine.syncNow()
    expect(online).toMatchObject({ pending: 0, rejected: 0, lastError: null })
    const ids = written.map((c) => c.id)
    expect([...(await server.complaintCounts(ids)).values()]).toEqual([1, 1, 1])
    const local = listComplaints(store.db, null, 10)
    expect(local).toHaveLength(3)
    for (const c of local) {
      expect(c.syncState).toBe('synced')
      expect(c.caseNumber).toMatch(/^QR-\d{6,}$/)
    }
  })

  it('does not double a push whose response was lost', async () => {
    let dropNextPushResponse = true
    const losingFetch: FetchLike = async (url, init) => {
      const response = await fetch(url, init)
      if (dropNextPushResponse && url.endsWith('/api/sync/push')) {
        dropNextPushResponse = false
        // The server has applied the batch; the client never hears about it.
        throw new TypeError('socket hang up')
      }
      return response
    }
    const { store, harness } = await client({ fetch: losingFetch })
    await harness.engine.syncNow()
    const a = await createComplaint(store, complaint('Respuesta perdida A'))
    const b = await createComplaint(store, complaint('Respuesta perdida B'))
    // The worker's session triggers a pass after each write; so does this test.
    harness.engine.trigger()
    await vi.waitFor(
      () => {
        expect(dropNextPushResponse).toBe(false)
      },
      { timeout: 10_000 }
    )
    expect((await server.complaintCounts([a.id, b.id])).get(a.id)).toBe(1)
    const status = await harness.engine.syncNow()
    expect(status).toMatchObject({ pending: 0, rejected: 0, lastError: null })
    expect([...(await server.complaintCounts([a.id, b.id])).values()]).toEqual([1, 1])
    expect(listComplaints(store.db, null, 10).every((c) => c.caseNumber !== null)).toBe(true)
  })

  it('keeps a rejected complaint visible with its reason, across a restart', async () => {
    const { store, harness, dir } = await client()
    const orphan = await createComplaint(store, complaint('Cliente inexistente', randomUUID()))
    const good = await createComplaint(store, complaint('Cliente nulo, válida'))
    const status = await harness.engine.syncNow()
    expect(status).toMatchObject({ pending: 0, rejected: 1 })
    const rejected = listComplaints(store.db, null, 10).find((c) => c.id === orphan.id)
    expect(rejected).toMatchObject({ syncState: 'rejected', caseNumber: null })
    expect(rejected?.rejectReason).toMatch(/customer does not exist/i)
    expect(await server.complaintCounts([orphan.id, good.id])).toEqual(
      new Map([
        [orphan.id, 0],
        [good.id, 1]
      ])
    )
    // A restart replays the journal; the server answers the re-sent mutation with its stored result.
    const reopened = await openTestStore(dir)
    const again = startEngine({ store: reopened, serverUrl: server.url, tokens: tokens('ana') })
    const after = await again.engine.syncNow()
    await again.engine.stop()
    expect(after.rejected).toBe(1)
    expect(listComplaints(reopened.db, null, 10).find((c) => c.id === orphan.id)?.syncState).toBe(
      'rejected'
    )
    expect((await server.complaintCounts([orphan.id, good.id])).get(good.id)).toBe(1)
    await reopened.close()
  })

  it('pulls at once when the realtime channel pokes', async () => {
    const watcher = await client()
    await watcher.harness.engine.syncNow()
    await vi.waitFor(
      () => {
        expect(watcher.harness.engine.status().isLive).toBe(true)
      },
      { timeout: 10_000 }
    )
    const writer = await client()
    const written = await createComplaint(writer.store, complaint('Aviso en tiempo real'))
    await vi.waitFor(
      () => {
        const seen = listComplaints(watcher.store.db, null, 50).find((c) => c.id === written.id)
        expect(seen?.caseNumber).toMatch(/^QR-/)
      },
      { timeout: 10_000 }
    )
  })

  it('refreshes a refused access token once and announces the rotated pair', async () => {
    const fresh = await server.login('ana')
    const { harness } = await client({
      tokens: { accessToken: 'not-a-valid-token', refreshToken: fresh.refreshToken }
    })
    const status = await harness.engine.syncNow()
    expect(status.lastError).toBeNull()
    const rotated = harness.eventsNamed('auth:tokens-changed')
    expect(rotated).toHaveLength(1)
    expect(rotated[0]?.refreshToken).not.toBe(fresh.refreshToken)
  })

  it('stops syncing when the refresh token is refused, while local writes still work', async () => {
    const { store, harness } = await client({
      tokens: { accessToken: 'not-a-valid-token', refreshToken: 'r'.repeat(40) }
    })
    const status = await harness.engine.syncNow()
    expect(status.lastError?.code).toBe('unauthenticated')
    expect(harness.eventsNamed('auth:expired')).toHaveLength(1)
    const written = await createComplaint(store, complaint('Escrita sin sesión'))
    harness.engine.trigger()
    expect(harness.engine.status().pending).toBe(1)
    expect((await server.complaintCounts([written.id])).get(written.id)).toBe(0)
  })

  it('stops with incompatible_version when the server refuses the protocol (426)', async () => {
    const oldClient: FetchLike = (url, init) => {
      const headers = new Headers(init.headers)
      if (headers.has('x-atiende-protocol')) headers.set('x-atiende-protocol', '0')
      return fetch(url, { ...init, headers })
    }
    const { harness }: { harness: EngineHarness } = await client({ fetch: oldClient })
    const status = await harness.engine.syncNow()
    expect(status.lastError?.code).toBe('incompatible_version')
    expect(status.isLive).toBe(false)
  })
})
