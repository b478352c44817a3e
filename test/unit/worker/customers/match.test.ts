/**
 * Matching on ring, in order: CTI ids (configured header order, id or external ref), then the
 * caller number against the cache, then the server's online lookup, only on a cache miss for a
 * real number. The store is real sql.js; the online lookup is a recording stub.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { matchCaller, type OnlineLookup } from '@renderer/workers/data/customers/match'
import type { LocalMatchArgs } from '@renderer/workers/data/customers/queries'
import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { cacheCustomers } from '@renderer/workers/data/customers/commands'
import { matchCustomer } from '@renderer/workers/data/customers/queries'
import { ctiIdsFrom, DEFAULT_CTI_HEADERS } from '@shared/domain/cti-headers'
import type { Customer } from '@shared/domain/customer'
import { makeStoreDir, removeStoreDir } from '@support/worker-node-files'
import { customer, openTestStore } from '@support/worker-store'

const jose = customer({
  firstName: 'José',
  externalRef: 'CRM-0001',
  phones: [{ e164: '+34612345678', kind: 'mobile' }]
})
const ivrChosen = customer({ firstName: 'Lucía', externalRef: 'ACC-777' })
const serverOnly = customer({
  firstName: 'Remota',
  phones: [{ e164: '+573001234567', kind: 'mobile' }]
})

describe('matching on ring', () => {
  let dir: string
  let store: LocalStore
  const asked: string[] = []
  let answer: Customer[] | null = []

  const online: OnlineLookup = (e164) => {
    asked.push(e164)
    return Promise.resolve(answer)
  }
  const run = (args: Partial<LocalMatchArgs>, lookup: OnlineLookup | null = online) =>
    matchCaller(
      {
        matchLocal: (a) => matchCustomer(store.db, a),
        cacheCustomers: (c) => {
          cacheCustomers(store, c)
        },
        online: lookup
      },
      { callerNumber: '', ctiCustomerId: null, defaultCountry: 'ES', ...args }
    )

  beforeAll(async () => {
    dir = await makeStoreDir()
    store = await openTestStore(dir)
    store.applyPull(
      [jose, ivrChosen].map((data, i) => ({ seq: i + 1, entity: 'customer' as const, data })),
      2
    )
  })
  afterAll(async () => {
    await store.close()
    await removeStoreDir(dir)
  })

  it('takes a CTI header over the caller number, and never asks the server', async () => {
    asked.length = 0
    const ctiIds = ctiIdsFrom({ 'x-account': 'ACC-777' }, DEFAULT_CTI_HEADERS)
    const result = await run({ callerNumber: '612 34 56 78', ctiIds })
    expect(result.matchedBy).toBe('cti')
    expect(result.customers.map((c) => c.id)).toEqual([ivrChosen.id])
    expect(asked).toEqual([])
  })

  it('tries the CTI headers in the configured order and by id or external reference', async () => {
    const headers = { 'x-customer-id': 'unknown-id', 'x-account': ivrChosen.id }
    const result = await run({ ctiIds: ctiIdsFrom(headers, DEFAULT_CTI_HEADERS) })
    expect(result.customers.map((c) => c.id)).toEqual([ivrChosen.id])
    const reversed = ctiIdsFrom({ 'x-customer-id': 'CRM-0001', 'x-account': 'ACC-777' }, [
      'x-customer-id',
      'x-account'
    ])
    expect((await run({ ctiIds: reversed })).customers[0]?.id).toBe(jose.id)
  })

  it('falls back to the number when no CTI id is known, without asking the server', async () => {
    asked.length = 0
    const result = await run({ callerNumber: '0034 612-345-678', ctiIds: ['nobody'] })
    expect(result).toMatchObject({ matchedBy: 'phone', normalizedNumber: '+34612345678' })
    expect(result.online).toBe('not_needed')
    expect(asked).toEqual([])
  })

  it('asks the server on a cache miss and caches what it finds', async () => {
    asked.length = 0
    answer = [serverOnly]
    const first = await run({ callerNumber: '+57 300 123 4567' })
    expect(first).toMatchObject({ matchedBy: 'online', online: 'found' })
    expect(asked).toEqual(['+573001234567'])
    const second = await run({ callerNumber: '+57 300 123 4567' })
    expect(second.matchedBy).toBe('phone')
    expect(second.customers.map((c) => c.id)).toEqual([serverOnly.id])
    expect(asked).toHaveLength(1)
  })

  it('reports an unknown caller when the server knows nobody either', async () => {
    answer = []
    const result = await run({ callerNumber: '+34 699 000 111' })
    expect(result).toMatchObject({ matchedBy: 'none', online: 'not_found', customers: [] })
  })

  it('reports a failed or skipped online lookup as such, still with no customer', async () => {
    answer = null
    expect((await run({ callerNumber: '+34 699 000 112' })).online).toBe('failed')
    expect((await run({ callerNumber: '+34 699 000 113' }, null)).online).toBe('skipped')
  })

  it.each(['anonymous', 'Privado', '', '2001', 'not a number'])(
    'never looks up a withheld, internal or garbage caller %j',
    async (callerNumber) => {
      asked.length = 0
      const result = await run({ callerNumber })
      expect(result).toMatchObject({ matchedBy: 'none', normalizedNumber: null })
      expect(asked).toEqual([])
    }
  )
})
