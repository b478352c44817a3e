/// <reference types="node" />
import { describe, expect, it } from 'vitest'

import type { LocalStore } from '@renderer/workers/data/store/local-store'
import {
  createComplaint,
  discardRejectedComplaint,
  transitionComplaint
} from '@renderer/workers/data/complaints/commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { useTestStores } from '@support/worker-store'

describe('complaint lifecycle steps in the local store', () => {
  const { openStore } = useTestStores()

  const file = (store: LocalStore) =>
    createComplaint(store, {
      customerId: null,
      callId: null,
      category: 'billing',
      description: 'Cobro duplicado'
    })

  it('shows a queued step at once, keeps it through a replay, and queues it after the complaint', async () => {
    const first = await openStore()
    const created = await file(first)
    await transitionComplaint(first, { complaintId: created.id, action: 'start', note: null })
    const resolved = await transitionComplaint(first, {
      complaintId: created.id,
      action: 'resolve',
      note: 'Devuelto'
    })
    expect(resolved).toMatchObject({ status: 'resolved', transitionPending: true })
    const second = await openStore()
    expect(listComplaints(second.db, null, 10)[0]).toMatchObject({
      status: 'resolved',
      transitionPending: true
    })
    expect(second.pendingMutations(10).map((m) => m.name)).toEqual([
      'complaint.create',
      'complaint.transition',
      'complaint.transition'
    ])
    expect(second.pendingMutations(10)[2]).toMatchObject({
      args: { complaintId: created.id, action: 'resolve', note: 'Devuelto' }
    })
  })

  it('falls back to the server status with the reason when the server refuses a step', async () => {
    const store = await openStore()
    const created = await file(store)
    await transitionComplaint(store, { complaintId: created.id, action: 'resolve', note: null })
    const [create, step] = store.pendingMutations(10)
    if (!create || !step) throw new Error('both mutations should be queued')
    store.applyPushResults(
      [create],
      [{ mutation: step, reason: { code: 'forbidden', message: 'Your role cannot' } }]
    )
    expect(listComplaints(store.db, null, 10)[0]).toMatchObject({
      status: 'open',
      transitionPending: false,
      transitionRefused: 'Your role cannot'
    })
    expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 1 })
    // Once read, the refusal goes for good (a reopen replays the journal) and the case stays.
    expect(await discardRejectedComplaint(store, created.id)).toBe(true)
    expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
    await store.close()
    const reopened = await openStore()
    expect(reopened.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
    expect(listComplaints(reopened.db, null, 10)).toEqual([
      expect.objectContaining({ id: created.id, status: 'open', transitionRefused: null })
    ])
  })

  it('refuses a step on a complaint it does not have', async () => {
    const store = await openStore()
    await expect(
      transitionComplaint(store, {
        complaintId: '7f1b2a4e-1d2c-4b8a-9c3d-2e5f6a7b8c9d',
        action: 'start',
        note: null
      })
    ).rejects.toThrow(/not in the local store/)
  })
})
