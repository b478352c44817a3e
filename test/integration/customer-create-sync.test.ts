/**
 * Quick-create and the online lookup through the data worker's store and sync engine, against
 * the real central server (buildApp on PGlite, seeded, on 127.0.0.1).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { systemTimers } from '../../src/renderer/src/workers/data/backoff'
import { matchCaller } from '../../src/renderer/src/workers/data/customer-match'
import { createOnlineLookup } from '../../src/renderer/src/workers/data/customer-online'
import type { LocalStore } from '../../src/renderer/src/workers/data/local-store'
import type { SessionTokens } from '../../src/shared/contract/worker'
import { makeStoreDir, removeStoreDir } from '../support/worker-node-files'
import { startEngine } from '../support/worker-sync'
import { TestServer } from '../support/worker-server'
import { openTestStore } from '../support/worker-store'

describe('customer.create and the online lookup against the central server', () => {
  let server: TestServer
  const tokens: Record<string, SessionTokens> = {}
  const cleanups: (() => Promise<void>)[] = []

  beforeAll(async () => {
    server = await TestServer.create()
    await server.start()
    for (const user of ['ana', 'bruno', 'diego']) {
      const login = await server.login(user)
      tokens[user] = { accessToken: login.accessToken, refreshToken: login.refreshToken }
    }
  }, 120_000)
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  afterAll(async () => {
    await server.close()
  })

  async function client(user: string) {
    const dir = await makeStoreDir()
    const store = await openTestStore(dir)
    const userTokens = tokens[user]
    if (!userTokens) throw new Error(`no tokens for ${user}`)
    const harness = startEngine({ store, serverUrl: server.url, tokens: userTokens })
    cleanups.push(async () => {
      await harness.engine.stop()
      await store.close()
      await removeStoreDir(dir)
    })
    return { store, harness, dir }
  }

  const matchNumber = (store: LocalStore, callerNumber: string) =>
    store.matchCustomer({ callerNumber, ctiCustomerId: null, defaultCountry: 'ES' })

  it('pushes a quick-created contact, which syncs back to the team and survives a restart', async () => {
    const ana = await client('ana')
    await ana.harness.engine.syncNow()
    const created = await ana.store.createCustomer({
      firstName: 'Marta',
      lastName: 'Quiroga',
      phoneE164: '+34699000111',
      email: null,
      preferredLanguage: 'es'
    })
    // Local at once: the next ring from that number pops her card, even before any sync.
    expect(matchNumber(ana.store, '699 000 111').customers.map((c) => c.id)).toEqual([created.id])
    expect(ana.store.outboxCounts().pending).toBe(1)

    const status = await ana.harness.engine.syncNow()
    expect(status).toMatchObject({ pending: 0, rejected: 0, lastError: null })
    const rows = await server.db.query<{ first_name: string; created_by: string }>(
      'SELECT first_name, created_by FROM customers WHERE id = $1',
      [created.id]
    )
    expect(rows.map((r) => r.first_name)).toEqual(['Marta'])

    const bruno = await client('bruno')
    await bruno.harness.engine.syncNow()
    expect(matchNumber(bruno.store, '+34699000111').customers.map((c) => c.id)).toEqual([
      created.id
    ])
    const diego = await client('diego')
    await diego.harness.engine.syncNow()
    expect(matchNumber(diego.store, '+34699000111').matchedBy).toBe('none')

    // A restart before any snapshot replays the journal: the contact is still there, once.
    await ana.harness.engine.stop()
    await ana.store.close()
    const reopened = await openTestStore(ana.dir)
    expect(reopened.getCustomer(created.id)?.firstName).toBe('Marta')
    await reopened.close()
  })

  it('finds an uncached caller online in time and caches the result', async () => {
    const dir = await makeStoreDir()
    const store = await openTestStore(dir)
    cleanups.push(async () => {
      await store.close()
      await removeStoreDir(dir)
    })
    const online = createOnlineLookup({
      fetch: (url, init) => fetch(url, init),
      serverUrl: server.url,
      accessToken: () => tokens['ana']?.accessToken ?? '',
      timers: systemTimers
    })
    const deps = {
      matchLocal: (a: Parameters<LocalStore['matchCustomer']>[0]) => store.matchCustomer(a),
      cacheCustomers: (c: Parameters<LocalStore['cacheCustomers']>[0]) => {
        store.cacheCustomers(c)
      },
      online
    }
    const args = { callerNumber: '612 34 56 78', ctiCustomerId: null, defaultCountry: 'ES' }
    const first = await matchCaller(deps, args)
    expect(first.matchedBy).toBe('online')
    expect(first.customers.map((c) => `${c.firstName} ${c.lastName}`)).toEqual(['José Núñez Peña'])
    expect((await matchCaller(deps, args)).matchedBy).toBe('phone')
  })

  it('gives up on a server that does not answer within the timeout', async () => {
    const online = createOnlineLookup({
      fetch: (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => {
            reject(new Error('aborted'))
          })
        }),
      serverUrl: server.url,
      accessToken: () => '',
      timers: systemTimers,
      timeoutMs: 50
    })
    expect(await online('+34612345678')).toBeNull()
  })
})
