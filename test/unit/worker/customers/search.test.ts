import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { phonePrefixes } from '@renderer/workers/data/customers/search'
import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { searchCustomers } from '@renderer/workers/data/customers/search'
import { makeStoreDir, removeStoreDir } from '@support/worker-node-files'
import { customer, openTestStore } from '@support/worker-store'

const jose = customer({
  firstName: 'José',
  lastName: 'Núñez Peña',
  externalRef: 'CUST-0000001',
  phones: [{ e164: '+34612345678', kind: 'mobile' }]
})
const porteno = customer({
  firstName: 'Íñigo',
  lastName: 'Álvarez',
  phones: [{ e164: '+541141234567', kind: 'home' }],
  emails: ['inigo@example.com']
})
const others = Array.from({ length: 30 }, (_, i) =>
  customer({
    firstName: `Ana${String(i).padStart(2, '0')}`,
    lastName: 'García',
    phones: [{ e164: `+3491100${String(i).padStart(4, '0')}`, kind: 'home' }]
  })
)

describe('customer search while typing', () => {
  let dir: string
  let store: LocalStore
  const ids = (query: string, country = 'ES', limit = 20) =>
    searchCustomers(store.db, query, limit, country).map((c) => c.id)

  beforeAll(async () => {
    dir = await makeStoreDir()
    store = await openTestStore(dir)
    const all = [jose, porteno, ...others]
    store.applyPull(
      all.map((data, i) => ({ seq: i + 1, entity: 'customer' as const, data })),
      all.length
    )
  })
  afterAll(async () => {
    await store.close()
    await removeStoreDir(dir)
  })

  it('reads a fragment as the start of a national or international number', () => {
    expect(phonePrefixes('612 34', 'ES')).toEqual(['+3461234', '+61234'])
    expect(phonePrefixes('+34 612', 'ES')).toEqual(['+34612'])
    expect(phonePrefixes('0034 612', 'ES')).toEqual(['+34612'])
    expect(phonePrefixes('011 4123', 'AR')).toEqual(['+54114123', '+0114123'])
  })

  it('finds a caller by the national number, a prefix or a fragment from the middle', () => {
    expect(ids('612 34 56 78')).toEqual([jose.id])
    expect(ids('6123')).toEqual([jose.id])
    expect(ids('+34 612')).toEqual([jose.id])
    expect(ids('011 4123-4567', 'AR')).toEqual([porteno.id])
    expect(ids('5678')).toEqual([jose.id])
  })

  it('folds accents and case in names, and finds e-mails and external references', () => {
    expect(ids('inigo')).toEqual([porteno.id])
    expect(ids('ALVAREZ')).toEqual([porteno.id])
    expect(ids('jose nunez')).toEqual([jose.id])
    expect(ids('INIGO@')).toEqual([porteno.id])
    expect(ids('cust-0000001')).toEqual([jose.id])
  })

  it('stops at the limit, ordered by name', () => {
    const found = searchCustomers(store.db, 'garcia', 5, 'ES')
    expect(found.map((c) => c.firstName)).toEqual(['Ana00', 'Ana01', 'Ana02', 'Ana03', 'Ana04'])
    expect(ids('911 00', 'ES', 7)).toHaveLength(7)
  })
})
