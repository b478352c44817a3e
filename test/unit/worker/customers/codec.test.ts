import { describe, expect, it } from 'vitest'

import { decodeCustomer, encodeCustomer } from '@renderer/workers/data/customers/codec'
import { customer } from '@support/worker-store'

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

  it('keeps an update time that is not canonical ISO text exactly as it came', () => {
    const odd = { ...rich, updatedAt: '2025-01-01T00:00:00Z' }
    expect(decodeCustomer(odd.id, odd.externalRef, encodeCustomer(odd))).toEqual(odd)
    const canonical = { ...rich, updatedAt: '2025-01-01T00:00:00.000Z' }
    expect(encodeCustomer(canonical)).toContain('1735689600000')
  })

  it.each(['2026-02-30T10:00:00.000Z', '2026-02-29T10:00:00.000Z', '2026-01-01T24:00:00.000Z'])(
    'keeps an impossible time that Date would roll over (%s) as text',
    (updatedAt) => {
      const odd = { ...rich, updatedAt }
      expect(encodeCustomer(odd)).toContain(updatedAt)
      expect(decodeCustomer(odd.id, odd.externalRef, encodeCustomer(odd))).toEqual(odd)
    }
  )

  it('stores a leap day as epoch milliseconds', () => {
    const leap = { ...rich, updatedAt: '2024-02-29T23:59:59.999Z' }
    expect(encodeCustomer(leap)).toContain(String(Date.parse(leap.updatedAt)))
    expect(decodeCustomer(leap.id, leap.externalRef, encodeCustomer(leap))).toEqual(leap)
  })

  it('still reads layout 1 rows (language, tier and time as text)', () => {
    const layout1 = JSON.stringify([
      1,
      rich.firstName,
      rich.lastName,
      rich.documentId,
      [
        ['+34612345678', 0],
        ['+34911234567', 2]
      ],
      rich.emails,
      'es',
      rich.tier,
      rich.recencyDays,
      rich.frequency12m,
      rich.monetary12m,
      rich.lifetimeValue,
      [['FIBER-1G', 'Fibra 1 Gb', '2021-03-15']],
      1,
      rich.notes,
      rich.updatedAt
    ])
    expect(decodeCustomer(rich.id, rich.externalRef, layout1)).toEqual(rich)
  })

  it('still reads rows written as plain objects, and refuses garbage', () => {
    expect(decodeCustomer(rich.id, rich.externalRef, JSON.stringify(rich))).toEqual(rich)
    expect(decodeCustomer(rich.id, rich.externalRef, '[99,"x"]')).toBeNull()
    expect(decodeCustomer(rich.id, rich.externalRef, '{not json')).toBeNull()
  })
})
