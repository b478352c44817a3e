import { describe, expect, it } from 'vitest'

import { complaintCreateArgsSchema, complaintDetailsSchema } from '@shared/domain/complaint'

const written = {
  id: '6f1c2a57-4c1b-4f5e-9a51-2b1d3c4e5f60',
  customerId: null,
  callId: null,
  category: 'billing',
  description: 'Cobro duplicado',
  createdAt: '2026-11-24T08:00:00.000Z'
}

describe('complaint details: product or service and channel', () => {
  it('reads an outbox written before product and channel existed as none and not asked', () => {
    const parsed = complaintCreateArgsSchema.parse(written)
    expect(parsed).toMatchObject({ productCode: null, productName: '', channel: null })
    expect(complaintDetailsSchema.parse({})).toMatchObject({
      productCode: null,
      productName: '',
      channel: null
    })
  })

  it('keeps a product from the card with its name, and a name typed freely without a code', () => {
    expect(
      complaintCreateArgsSchema.parse({
        ...written,
        productCode: 'FIBER-1G',
        productName: ' Fibra 1 Gb ',
        channel: 'in_person'
      })
    ).toMatchObject({ productCode: 'FIBER-1G', productName: 'Fibra 1 Gb', channel: 'in_person' })
    expect(
      complaintCreateArgsSchema.parse({ ...written, productName: 'Router', channel: 'social' })
    ).toMatchObject({ productCode: null, productName: 'Router', channel: 'social' })
  })

  it('refuses an unknown channel, an empty code and over-long product fields', () => {
    for (const bad of [
      { channel: 'pigeon' },
      { channel: 'PHONE' },
      { productCode: '' },
      { productCode: 'X'.repeat(33), productName: 'n' },
      { productName: 'n'.repeat(121) }
    ]) {
      expect(
        complaintCreateArgsSchema.safeParse({ ...written, ...bad }).success,
        JSON.stringify(bad)
      ).toBe(false)
    }
  })
})
