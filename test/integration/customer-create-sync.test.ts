/**
 * Quick-create and the online lookup through the data worker's store and sync engine, against
 * the real central server (buildApp on PGlite, seeded, on 127.0.0.1).
 */
import { expect, it } from 'vitest'

import { systemTimers } from '@renderer/workers/data/runtime/system-timers'
import { matchCaller } from '@renderer/workers/data/customers/match'
import { createOnlineLookup } from '@renderer/workers/data/customers/online-lookup'
import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { cacheCustomers, createCustomer } from '@renderer/workers/data/customers/commands'
import {
  getCustomer,
  matchCustomer,
  type LocalMatchArgs
} from '@renderer/workers/data/customers/queries'
import type { Customer } from '@shared/domain/customer'
import { createTestDatabase } from '../support/server-db'
import { describeOnEngines } from '@support/engine-suite'
import { useTestServer } from '../support/worker-server'
import { openTestStore } from '../support/worker-store'
import { useSyncClients } from '../support/worker-sync'

describeOnEngines(
  'customer.create and the online lookup against the central server on %s',
  (engine) => {
    const { server, tokens } = useTestServer({
      users: ['ana', 'bruno', 'diego'],
      database: () => createTestDatabase(engine)
    })
    const clients = useSyncClients(server)
    const client = (user: 'ana' | 'bruno' | 'diego') => clients.open({ tokens: tokens(user) })

    const matchNumber = (store: LocalStore, callerNumber: string) =>
      matchCustomer(store.db, { callerNumber, ctiCustomerId: null, defaultCountry: 'ES' })

    it('pushes a quick-created contact, which syncs back to the team and survives a restart', async () => {
      const ana = await client('ana')
      await ana.harness.engine.syncNow()
      const created = await createCustomer(ana.store, {
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
      expect(getCustomer(reopened.db, created.id)?.firstName).toBe('Marta')
      await reopened.close()
    })

    it('finds an uncached caller online in time and caches the result', async () => {
      const { store } = await clients.openStore()
      const online = createOnlineLookup({
        fetch: (url, init) => fetch(url, init),
        serverUrl: server.url,
        accessToken: () => tokens('ana').accessToken,
        timers: systemTimers
      })
      const deps = {
        matchLocal: (a: LocalMatchArgs) => matchCustomer(store.db, a),
        cacheCustomers: (c: readonly Customer[]) => {
          cacheCustomers(store, c)
        },
        online
      }
      const args = { callerNumber: '612 34 56 78', ctiCustomerId: null, defaultCountry: 'ES' }
      const first = await matchCaller(deps, args)
      expect(first.matchedBy).toBe('online')
      expect(first.customers.map((c) => `${c.firstName} ${c.lastName}`)).toEqual([
        'José Núñez Peña'
      ])
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
  }
)
