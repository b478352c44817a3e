import { describe, expect, it } from 'vitest'

import {
  decodeCustomer,
  encodeCustomer
} from '../../../src/renderer/src/workers/data/customer-codec'
import { customer } from '../../support/worker-store'

describe('the cache row of a customer', () => {
  const rich = customer({
    firstName: 'José',
    lastName: 'Núñez Peña',
    documentId: '12345678Z',
    phones: [
      { e164: '+34612345678', kind: 'mobile' },
      { e164: '+34911234567', kind: 'work' }
    ],
    emails: ['jose@example.com'],
    products: [{ code: 'FIBER-1G', name: 'Fibra 1 Gb', since: '2021-03-15' }],
    doNotCall: true,
    notes: 'Prefiere la tarde'
  })

  it('round-trips every field, without repeating the id, the reference or field names', () => {
    const data = encodeCustomer(rich)
    expect(decodeCustomer(rich.id, rich.externalRef, data)).toEqual(rich)
    expect(data).not.toContain(rich.id)
    expect(data).not.toContain('firstName')
    expect(data.length).toBeLessThan(JSON.stringify(rich).length * 0.6)
  })

  it('still reads rows written as plain objects, and refuses garbage', () => {
    expect(decodeCustomer(rich.id, rich.externalRef, JSON.stringify(rich))).toEqual(rich)
    expect(decodeCustomer(rich.id, rich.externalRef, '[99,"x"]')).toBeNull()
    expect(decodeCustomer(rich.id, rich.externalRef, '{not json')).toBeNull()
  })
})
