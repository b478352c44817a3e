/// <reference types="node" />
import { describe, expect, it } from 'vitest'

import type { LocalStore } from '@renderer/workers/data/store/local-store'
import {
  createComplaint,
  discardRejectedComplaint
} from '@renderer/workers/data/complaints/commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { useTestStores } from '@support/worker-store'

const complaint = (description: string) =>
  ({ customerId: null, callId: null, category: 'billing', description }) as const

describe('discarding a rejected complaint', () => {
  const { openStore } = useTestStores()

  /** Writes two complaints and has the server reject the first. */
  async function rejectedAndPending(store: LocalStore) {
    const rejected = await createComplaint(store, complaint('Cliente inexistente'))
    const pending = await createComplaint(store, complaint('Sigue pendiente'))
    const [first] = store.pendingMutations(10)
    if (!first) throw new Error('no pending mutation')
    store.applyPushResults(
      [],
      [{ mutation: first, reason: { code: 'not_found', message: 'customer not found' } }]
    )
    return { rejected, pending }
  }

  it('removes it and its outbox entry, and a crash right after does not bring it back', async () => {
    const store = await openStore()
    const { rejected, pending } = await rejectedAndPending(store)
    expect(store.outboxCounts()).toEqual({ pending: 1, rejected: 1 })

    expect(await discardRejectedComplaint(store, rejected.id)).toBe(true)
    expect(store.outboxCounts()).toEqual({ pending: 1, rejected: 0 })
    expect(listComplaints(store.db, null, 10).map((c) => c.id)).toEqual([pending.id])

    // No close(): the journal still holds the discarded write; the snapshot must win.
    const reopened = await openStore()
    expect(reopened.outboxCounts()).toEqual({ pending: 1, rejected: 0 })
    expect(listComplaints(reopened.db, null, 10).map((c) => c.id)).toEqual([pending.id])
  })

  it('never discards a pending complaint', async () => {
    const store = await openStore()
    const { pending } = await rejectedAndPending(store)
    expect(await discardRejectedComplaint(store, pending.id)).toBe(false)
    expect(listComplaints(store.db, null, 10).map((c) => c.id)).toContain(pending.id)
    expect(store.outboxCounts().pending).toBe(1)
  })
})
