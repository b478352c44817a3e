import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js'
import { describe, expect, it } from 'vitest'

import { customerSchema, type Customer } from '@shared/domain/customer'
import { valueTier } from '@shared/domain/value-tier'
import { FIRST_CUSTOMER_PHONE, generateCustomers } from '@server/seed/generate-customers'
import { createPrng } from '@server/seed/prng'

async function collect(count: number, seed: number): Promise<Customer[]> {
  const customers: Customer[] = []
  for await (const c of generateCustomers(count, seed)) customers.push(c)
  return customers
}

describe('generateCustomers', () => {
  it('yields the same customers for the same seed and others for another seed', async () => {
    const [a, b, c] = await Promise.all([collect(200, 7), collect(200, 7), collect(200, 8)])
    expect(a).toEqual(b)
    expect(a.map((x) => x.id)).not.toEqual(c.map((x) => x.id))
  })

  it('always starts with José Núñez Peña on +34612345678, in Spanish', async () => {
    for (const seed of [1, 2, 20250630]) {
      const [first] = await collect(1, seed)
      expect(first).toMatchObject({
        firstName: 'José',
        lastName: 'Núñez Peña',
        preferredLanguage: 'es',
        phones: [{ e164: FIRST_CUSTOMER_PHONE, kind: 'mobile' }]
      })
    }
  })

  it('produces customers that satisfy the shared schema, with unique ids and references', async () => {
    const customers = await collect(2000, 3)
    for (const c of customers) customerSchema.parse(c)
    expect(new Set(customers.map((c) => c.id)).size).toBe(customers.length)
    expect(new Set(customers.map((c) => c.externalRef)).size).toBe(customers.length)
  })

  it('stores every phone as valid E.164 across several countries', async () => {
    const customers = await collect(2000, 4)
    const countries = new Set<string>()
    for (const phone of customers.flatMap((c) => c.phones)) {
      const parsed = parsePhoneNumberFromString(phone.e164)
      expect(parsed?.number, phone.e164).toBe(phone.e164)
      expect(isValidPhoneNumber(phone.e164), phone.e164).toBe(true)
      if (parsed?.country) countries.add(parsed.country)
    }
    expect([...countries].sort()).toEqual(['AR', 'CL', 'CO', 'ES', 'MX', 'US'])
    expect(customers.every((c) => c.phones.length >= 1 && c.phones.length <= 3)).toBe(true)
  })

  it('applies the value-tier rules to the generated metrics, and every tier occurs', async () => {
    const customers = await collect(2000, 5)
    for (const c of customers) expect(c.tier).toBe(valueTier(c))
    expect(new Set(customers.map((c) => c.tier))).toEqual(
      new Set(['high_yield', 'high_potential', 'standard', 'below_zero'])
    )
  })

  it('mixes names with accents and apostrophes, languages, do-not-call and notes', async () => {
    const customers = await collect(2000, 6)
    const names = customers.map((c) => `${c.firstName} ${c.lastName}`).join(' ')
    expect(names).toMatch(/[áéíóúñÁÉÍÓÚÑ]/)
    expect(names).toContain("O'")
    expect(new Set(customers.map((c) => c.preferredLanguage))).toEqual(new Set(['es', 'en']))
    expect(customers.some((c) => c.doNotCall)).toBe(true)
    expect(customers.some((c) => c.notes !== '')).toBe(true)
    expect(customers.some((c) => c.products.length > 0)).toBe(true)
  })
})

describe('createPrng', () => {
  it('is deterministic and stays in range', () => {
    const a = createPrng(99)
    const b = createPrng(99)
    const seqA = Array.from({ length: 100 }, () => a.int(1, 6))
    expect(seqA).toEqual(Array.from({ length: 100 }, () => b.int(1, 6)))
    expect(seqA.every((n) => n >= 1 && n <= 6)).toBe(true)
    expect(a.uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
  })
})
