/// <reference types="node" />
import { describe, expect, it } from 'vitest'

import { complaintSchema } from '@shared/domain/complaint'
import { complaintFilterSchema } from '@shared/domain/complaint-filter'
import type { LocalStore } from '@renderer/workers/data/store/local-store'
import {
  assignComplaint,
  createComplaint,
  discardRejectedComplaint,
  escalateComplaint
} from '@renderer/workers/data/complaints/commands'
import { complaintTimeline } from '@renderer/workers/data/complaints/events'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { useTestStores } from '@support/worker-store'

const ANA = '11111111-1111-4111-8111-111111111111'
const BRUNO = '22222222-2222-4222-8222-222222222222'
const NORTE = '33333333-3333-4333-8333-333333333333'

/** A case as the server sends it, filed by ana in team Norte. */
function serverComplaint(id: string, createdAt: string, extra: Record<string, unknown> = {}) {
  return complaintSchema.parse({
    id,
    customerId: null,
    callId: null,
    category: 'billing',
    description: `Queja ${id.slice(0, 4)}`,
    createdAt,
    caseNumber: `QR-${id.slice(0, 6)}`,
    status: 'open',
    agentId: ANA,
    teamId: NORTE,
    receivedAt: createdAt,
    dueAt: '2099-01-01T00:00:00.000Z',
    ...extra
  })
}

describe('complaint escalation and assignment in the local store', () => {
  const { openStore } = useTestStores()
  const older = 'aaaaaaaa-0000-4000-8000-000000000001'
  const newer = 'bbbbbbbb-0000-4000-8000-000000000002'
  const seed = (store: LocalStore, extra: Record<string, unknown> = {}) => {
    store.applyPull(
      [
        { seq: 1, entity: 'complaint', data: serverComplaint(older, '2026-01-01T10:00:00.000Z') },
        {
          seq: 2,
          entity: 'complaint',
          data: serverComplaint(newer, '2026-01-02T10:00:00.000Z', extra)
        }
      ],
      2
    )
  }

  it('puts an escalated open case at the top of the queue, escalated on the server or queued here', async () => {
    const store = await openStore()
    seed(store)
    // Pulled rows reach the disk with a snapshot; the escalation after it with the journal.
    await store.snapshot()
    expect(listComplaints(store.db, null, 10).map((c) => c.id)).toEqual([newer, older])
    const escalated = await escalateComplaint(store, {
      complaintId: older,
      reason: 'Quiere un supervisor'
    })
    expect(escalated).toMatchObject({
      escalationReason: 'Quiere un supervisor',
      transitionPending: true
    })
    expect(listComplaints(store.db, null, 10).map((c) => c.id)).toEqual([older, newer])
    // Through a restart (journal replay), and as the server's row once it arrives.
    const again = await openStore()
    expect(listComplaints(again.db, null, 10)[0]).toMatchObject({
      id: older,
      transitionPending: true
    })
    expect(again.pendingMutations(10).map((m) => m.name)).toEqual(['complaint.escalate'])
    const [pushed] = again.pendingMutations(10)
    if (!pushed) throw new Error('the escalation should be queued')
    again.applyPushResults([pushed], [])
    again.applyPull(
      [
        {
          seq: 3,
          entity: 'complaint',
          data: serverComplaint(older, '2026-01-01T10:00:00.000Z', {
            escalatedAt: '2026-01-03T10:00:00.000Z',
            escalationReason: 'Quiere un supervisor'
          })
        }
      ],
      3
    )
    expect(again.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
    expect(listComplaints(again.db, null, 10)[0]).toMatchObject({
      id: older,
      escalatedAt: '2026-01-03T10:00:00.000Z',
      transitionPending: false
    })
  })

  it("lists a case in the assignee's own complaints and no longer in the filer's", async () => {
    const store = await openStore()
    seed(store, { assigneeId: BRUNO })
    const mine = (agentId: string) =>
      listComplaints(store.db, null, 10, complaintFilterSchema.parse({ agentId })).map((c) => c.id)
    expect(mine(BRUNO)).toEqual([newer])
    expect(mine(ANA)).toEqual([older])
    // A queued assignment (an agent taking the case) counts at once for the assignee.
    await assignComplaint(store, { complaintId: older, assigneeId: BRUNO })
    expect(mine(BRUNO)).toEqual([newer, older])
    expect(listComplaints(store.db, null, 10).find((c) => c.id === older)?.assigneeId).toBe(BRUNO)
    expect(
      complaintTimeline(store.db, older).map((e) => [e.action, e.assigneeId, e.pending])
    ).toEqual([
      ['created', null, false],
      ['assigned', BRUNO, true]
    ])
  })

  it('shows a refused assignment with its reason until dismissed', async () => {
    const store = await openStore()
    seed(store)
    await assignComplaint(store, { complaintId: older, assigneeId: BRUNO })
    const [step] = store.pendingMutations(10)
    if (!step) throw new Error('the assignment should be queued')
    store.applyPushResults(
      [],
      [{ mutation: step, reason: { code: 'conflict', message: 'Already assigned' } }]
    )
    expect(listComplaints(store.db, null, 10).find((c) => c.id === older)).toMatchObject({
      assigneeId: null,
      transitionRefused: 'Already assigned'
    })
    expect(await discardRejectedComplaint(store, older)).toBe(true)
    expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
  })

  it('refuses to escalate a case the server does not have yet', async () => {
    const store = await openStore()
    const created = await createComplaint(store, {
      customerId: null,
      callId: null,
      category: 'billing',
      description: 'Cobro duplicado'
    })
    await expect(
      escalateComplaint(store, { complaintId: created.id, reason: 'Supervisor' })
    ).rejects.toThrow(/not on the server yet/)
  })
})
