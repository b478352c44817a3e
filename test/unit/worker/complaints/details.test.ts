/// <reference types="node" />
import { describe, expect, it } from 'vitest'

import { useTestStores } from '@support/worker-store'
import { createComplaint } from '@renderer/workers/data/complaints/commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'

const HOUR_MS = 3_600_000

describe('complaint details in the local store', () => {
  const { openStore } = useTestStores()

  it('keeps severity, due time and details through a journal replay, and queues them', async () => {
    const first = await openStore()
    const created = await createComplaint(first, {
      customerId: null,
      callId: 'call-1',
      category: 'billing',
      description: 'Cobro duplicado',
      subcategory: 'double_charge',
      severity: 'high',
      qualityDimension: 'reliability',
      expected: 'Un cobro',
      received: 'Dos cobros',
      requestedRemedy: 'Devolución'
    })
    expect(created).toMatchObject({
      severity: 'high',
      subcategory: 'double_charge',
      qualityDimension: 'reliability',
      expected: 'Un cobro',
      received: 'Dos cobros',
      requestedRemedy: 'Devolución'
    })
    // High: 24 hours by default.
    expect(Date.parse(created.dueAt ?? '') - Date.parse(created.createdAt)).toBe(24 * HOUR_MS)
    const second = await openStore()
    expect(listComplaints(second.db, null, 10)).toEqual([created])
    expect(second.pendingMutations(10)[0]).toMatchObject({
      name: 'complaint.create',
      args: { severity: 'high', subcategory: 'double_charge', requestedRemedy: 'Devolución' }
    })
  })

  it('gives a complaint without details medium severity and nothing else', async () => {
    const store = await openStore()
    const created = await createComplaint(store, {
      customerId: null,
      callId: null,
      category: 'delivery',
      description: 'No llegó'
    })
    expect(created).toMatchObject({
      severity: 'medium',
      subcategory: null,
      qualityDimension: null,
      expected: '',
      received: '',
      requestedRemedy: ''
    })
    expect(Date.parse(created.dueAt ?? '') - Date.parse(created.createdAt)).toBe(48 * HOUR_MS)
  })

  it('keeps the product from the card and the channel through a replay, and queues them', async () => {
    const first = await openStore()
    const created = await createComplaint(first, {
      customerId: null,
      callId: 'call-2',
      category: 'service_quality',
      description: 'La fibra se corta',
      productCode: 'FIBER-1G',
      productName: 'Fibra 1 Gb',
      channel: 'phone'
    })
    expect(created).toMatchObject({
      productCode: 'FIBER-1G',
      productName: 'Fibra 1 Gb',
      channel: 'phone'
    })
    const second = await openStore()
    expect(listComplaints(second.db, null, 10)).toEqual([created])
    expect(second.pendingMutations(10)[0]).toMatchObject({
      name: 'complaint.create',
      args: { productCode: 'FIBER-1G', productName: 'Fibra 1 Gb', channel: 'phone' }
    })
  })
})
