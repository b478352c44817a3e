/**
 * The customer as the server sends it in the bulk pull (protocol 7) is exactly what the cache
 * stores and searches by.
 */
import { describe, expect, it } from 'vitest'

import { decodeCustomer } from '@renderer/workers/data/customers/codec'
import { customerCacheRow } from '@shared/sync/customer-cache-row'
import { customer } from '@support/worker-store'

describe('customerCacheRow', () => {
  const jose = customer({
    firstName: 'José',
    lastName: 'Núñez Peña',
    documentId: '79.467.173-b',
    phones: [
      { e164: '+34612345678', kind: 'mobile' },
      { e164: '+34612345678', kind: 'work' },
      { e164: '+34911234567', kind: 'home' }
    ],
    emails: [' Jose.Nunez@Example.com', 'jose.nunez@example.com']
  })

  it('carries the indexed columns folded and normalised as the cache searches them', () => {
    const [id, externalRef, nameFolded, lastNameFolded, documentKey, , emailKeys, phoneKeys] =
      customerCacheRow(jose)
    expect([id, externalRef]).toEqual([jose.id, jose.externalRef])
    expect([nameFolded, lastNameFolded]).toEqual(['jose nunez pena', 'nunez pena'])
    expect(documentKey).toBe('79467173B')
    expect(emailKeys).toEqual(['jose.nunez@example.com'])
    expect(phoneKeys).toEqual(['+34612345678', '+34911234567'])
  })

  it('stores the card in a layout the cache reads back to the same customer', () => {
    const layout = customerCacheRow(jose)[5]
    expect(decodeCustomer(jose.id, jose.externalRef, JSON.stringify(layout))).toEqual(jose)
  })

  it('keeps a customer without a document or e-mails', () => {
    const bare = customer({ documentId: null, emails: [] })
    const row = customerCacheRow(bare)
    expect(row[4]).toBeNull()
    expect(row[6]).toEqual([])
    expect(row[7]).toEqual(bare.phones.map((p) => p.e164))
  })
})
