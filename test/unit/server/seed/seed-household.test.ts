import { describe, expect, it } from 'vitest'

import {
  FIRST_CUSTOMER_PHONE,
  HOUSEHOLD_PHONE,
  generateCustomers
} from '@server/seed/generate-customers'
import type { Customer } from '@shared/domain/customer'

async function collect(count: number, seed: number): Promise<Customer[]> {
  const customers: Customer[] = []
  for await (const c of generateCustomers(count, seed)) customers.push(c)
  return customers
}

describe('demo data for the screen pop', () => {
  it('has a household line held by exactly customers 2 and 3, and José alone on his', async () => {
    const customers = await collect(5000, 20250630)
    const holders = (e164: string) =>
      customers.filter((c) => c.phones.some((p) => p.e164 === e164)).map((c) => c.externalRef)
    expect(holders(HOUSEHOLD_PHONE)).toEqual(['CUST-0000002', 'CUST-0000003'])
    expect(customers.slice(1, 3).map((c) => `${c.firstName} ${c.lastName}`)).toEqual([
      'Carmen Ortega Ruiz',
      'Luis Ortega Ruiz'
    ])
    expect(holders(FIRST_CUSTOMER_PHONE)).toEqual(['CUST-0000001'])
  })
})
