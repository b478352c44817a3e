import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { getCustomer, matchCustomer } from '@renderer/workers/data/customers/queries'
import { searchCustomers } from '@renderer/workers/data/customers/search'
import type { Change } from '@shared/sync/protocol'
import { makeStoreDir, removeStoreDir } from '@support/worker-node-files'
import { customer, openTestStore } from '@support/worker-store'

const jose = customer({
  firstName: 'José',
  lastName: 'Núñez Peña',
  externalRef: 'CRM-0001',
  documentId: '12345678-Z',
  phones: [{ e164: '+34612345678', kind: 'mobile' }],
  emails: ['Jose.Nunez@Example.com']
})
const maria = customer({
  firstName: 'María',
  lastName: 'López',
  externalRef: 'CRM-0002',
  phones: [{ e164: '+34911222333', kind: 'home' }],
  emails: ['maria@example.org']
})
const john = customer({
  firstName: 'John',
  lastName: 'Smith',
  externalRef: 'CRM-0003',
  phones: [{ e164: '+442079460000', kind: 'work' }]
})

describe('customer match and search', () => {
  let dir: string
  let store: LocalStore

  beforeAll(async () => {
    dir = await makeStoreDir()
    store = await openTestStore(dir)
    const changes: Change[] = [jose, maria, john].map((data, i) => ({
      seq: i + 1,
      entity: 'customer',
      data
    }))
    store.applyPull(changes, 3)
  })
  afterAll(async () => {
    await store.close()
    await removeStoreDir(dir)
  })

  const match = (callerNumber: string, ctiCustomerId: string | null = null) =>
    matchCustomer(store.db, { callerNumber, ctiCustomerId, defaultCountry: 'ES' })

  it('prefers the CTI customer id over the caller number', () => {
    const result = match('+34612345678', maria.id)
    expect(result.matchedBy).toBe('cti')
    expect(result.customers.map((c) => c.id)).toEqual([maria.id])
    expect(result.normalizedNumber).toBe('+34612345678')
  })

  it('accepts the external reference as the CTI id', () => {
    expect(match('anonymous', 'CRM-0003').customers.map((c) => c.id)).toEqual([john.id])
  })

  it('falls back to the number when the CTI id is unknown', () => {
    const result = match('612 345 678', 'no-such-customer')
    expect(result.matchedBy).toBe('phone')
    expect(result.customers.map((c) => c.id)).toEqual([jose.id])
  })

  it.each(['612345678', '+34 612 34 56 78', '0034612345678', '+34612345678'])(
    'matches the caller number %s in national or international format',
    (raw) => {
      const result = match(raw)
      expect(result.matchedBy).toBe('phone')
      expect(result.normalizedNumber).toBe('+34612345678')
      expect(result.customers[0]?.firstName).toBe('José')
    }
  )

  it('matches a foreign number with the default country of the agent', () => {
    expect(
      matchCustomer(store.db, {
        callerNumber: '020 7946 0000',
        ctiCustomerId: null,
        defaultCountry: 'GB'
      }).customers[0]?.id
    ).toBe(john.id)
  })

  it.each(['anonymous', 'Privado', '', '2001'])(
    'does not match a withheld or internal caller %j',
    (raw) => {
      const result = match(raw)
      expect(result).toMatchObject({ matchedBy: 'none', normalizedNumber: null, customers: [] })
      expect(result.caller).toBe(raw === '2001' ? 'extension' : 'withheld')
    }
  )

  it('finds accented names without accents or case', () => {
    expect(searchCustomers(store.db, 'jose', 10).map((c) => c.id)).toEqual([jose.id])
    expect(searchCustomers(store.db, 'NUNEZ', 10).map((c) => c.id)).toEqual([jose.id])
    expect(searchCustomers(store.db, 'nunez pe', 10).map((c) => c.id)).toEqual([jose.id])
    expect(searchCustomers(store.db, 'José Núñez', 10).map((c) => c.id)).toEqual([jose.id])
    expect(searchCustomers(store.db, 'lop', 10).map((c) => c.id)).toEqual([maria.id])
  })

  it('finds by a phone digit fragment, an e-mail and a document id', () => {
    expect(searchCustomers(store.db, '2345 67', 10).map((c) => c.id)).toEqual([jose.id])
    expect(searchCustomers(store.db, 'jose.nunez@', 10).map((c) => c.id)).toEqual([jose.id])
    expect(searchCustomers(store.db, 'MARIA@EXAMPLE.ORG', 10).map((c) => c.id)).toEqual([maria.id])
    expect(searchCustomers(store.db, '12345678z', 10).map((c) => c.id)).toEqual([jose.id])
  })

  it('honours the limit and finds nothing for nonsense', () => {
    expect(searchCustomers(store.db, 'j', 10)).toHaveLength(2)
    expect(searchCustomers(store.db, 'j', 1)).toHaveLength(1)
    expect(searchCustomers(store.db, 'zzzz', 10)).toEqual([])
  })

  it('matches every customer sharing a number, and forgets a number its owner dropped', () => {
    store.applyPull(
      [
        {
          seq: 4,
          entity: 'customer',
          data: { ...maria, phones: [{ e164: '+34612345678', kind: 'home' }] }
        }
      ],
      4
    )
    // A household line: both holders match, so the screen pop offers a chooser.
    expect(new Set(match('612345678').customers.map((c) => c.id))).toEqual(
      new Set([jose.id, maria.id])
    )
    expect(match('911222333').matchedBy).toBe('none')
    expect(store.cursor).toBe(4)
    expect(getCustomer(store.db, maria.id)?.phones).toHaveLength(1)
    store.applyPull([{ seq: 5, entity: 'customer', data: maria }], 5)
    expect(match('612345678').customers.map((c) => c.id)).toEqual([jose.id])
    expect(match('911222333').customers.map((c) => c.id)).toEqual([maria.id])
  })
})
