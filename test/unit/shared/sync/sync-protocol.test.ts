import { describe, expect, it } from 'vitest'

import { mutationSchema, pullQuerySchema, pushRequestSchema } from '@shared/sync/protocol'

const complaint = {
  id: '8c1f2f5e-1d2a-4c3b-9f0e-2b7a6d5c4e3f',
  name: 'complaint.create',
  args: {
    id: '8c1f2f5e-1d2a-4c3b-9f0e-2b7a6d5c4e3f',
    customerId: null,
    callId: 'practice-1',
    category: 'billing',
    description: 'Cobro duplicado',
    createdAt: '2026-11-24T10:00:00.000Z'
  }
}

describe('sync protocol schemas', () => {
  it('accepts a well-formed complaint mutation', () => {
    expect(mutationSchema.safeParse(complaint).success).toBe(true)
  })
  it('rejects an unknown mutation name', () => {
    expect(mutationSchema.safeParse({ ...complaint, name: 'customer.delete' }).success).toBe(false)
  })
  it('rejects a description that is only spaces', () => {
    const bad = { ...complaint, args: { ...complaint.args, description: '   ' } }
    expect(mutationSchema.safeParse(bad).success).toBe(false)
  })
  it('bounds the push batch size', () => {
    const push = {
      protocolVersion: 1,
      clientId: complaint.id,
      mutations: Array.from({ length: 201 }, () => complaint)
    }
    expect(pushRequestSchema.safeParse(push).success).toBe(false)
  })
  it('defaults and bounds pull paging', () => {
    expect(pullQuerySchema.parse({})).toEqual({ cursor: 0, limit: 1000 })
    expect(pullQuerySchema.safeParse({ limit: '100000' }).success).toBe(false)
    expect(pullQuerySchema.safeParse({ cursor: '-1' }).success).toBe(false)
  })
})
