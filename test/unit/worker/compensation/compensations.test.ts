/// <reference types="node" />
import { describe, expect, it } from 'vitest'

import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { decideCompensation, grantCompensation } from '@renderer/workers/data/compensation/commands'
import { listCompensations } from '@renderer/workers/data/compensation/rows'
import { addComplaintNote, createComplaint } from '@renderer/workers/data/complaints/commands'
import { complaintTimeline } from '@renderer/workers/data/complaints/events'
import type { Compensation } from '@shared/domain/compensation-record'
import type { CompensationLimits } from '@shared/domain/configuration'
import { TEST_USER_ID, customer, useTestStores } from '@support/worker-store'

const limits: CompensationLimits = {
  currency: 'USD',
  perGrant: [{ role: 'agent', tier: 'high_yield', maxAmount: 100 }],
  dailyCapPerAgent: [{ role: 'agent', maxAmount: 300 }],
  dailyCapPerCustomer: 150
}
const agent = { userId: TEST_USER_ID, role: 'agent' as const }

describe('compensation in the local store', () => {
  const { openStore } = useTestStores()

  /** A store with the limits pulled and a high-yield customer's complaint. */
  const prepared = async (store: LocalStore) => {
    const jose = customer({ tier: 'high_yield' })
    store.applyPull(
      [
        { seq: 1, entity: 'compensation_limits', data: limits },
        { seq: 2, entity: 'customer', data: jose }
      ],
      2
    )
    const complaint = await createComplaint(store, {
      customerId: jose.id,
      callId: null,
      category: 'billing',
      description: 'Cobro duplicado'
    })
    return { complaintId: complaint.id, customerId: jose.id }
  }
  const input = (complaintId: string, amount: number) => ({
    complaintId,
    type: 'credit' as const,
    amount,
    currency: 'USD',
    reason: 'Cargo duplicado'
  })

  it('compensates a practice persona at the tier the desk passes, counted apart from production', async () => {
    const store = await openStore()
    const { complaintId } = await prepared(store)
    const practice = await createComplaint(store, {
      customerId: null,
      personaId: 'persona-marta-vidal',
      callId: 'practice-1',
      category: 'billing',
      description: 'Cobro duplicado en práctica'
    })
    // A production grant of 100 today uses up nothing of the persona's practice cap.
    await grantCompensation(store, input(complaintId, 100), agent)
    const tier = { practiceTier: 'high_yield' as const }
    expect(
      await grantCompensation(store, { ...input(practice.id, 100), ...tier }, agent)
    ).toMatchObject({ status: 'granted', practice: true, personaId: 'persona-marta-vidal' })
    // Above the tier's single limit it goes for approval; with no tier known, so does any grant.
    expect(
      await grantCompensation(store, { ...input(practice.id, 101), ...tier }, agent)
    ).toMatchObject({ status: 'pending' })
    expect(await grantCompensation(store, input(practice.id, 5), agent)).toMatchObject({
      status: 'pending'
    })
    // The tier is the desk's hint, never journaled: the server decides from its own scenario.
    const queued = store.pendingMutations(20).filter((m) => m.name === 'compensation.grant')
    expect(queued.map((m) => Object.keys(m.args).includes('practiceTier'))).toEqual([
      false,
      false,
      false,
      false
    ])
  })

  it('decides offline by the pulled limits and what was granted here today, and keeps it through a restart', async () => {
    const store = await openStore()
    const { complaintId } = await prepared(store)
    expect(await grantCompensation(store, input(complaintId, 100), agent)).toMatchObject({
      status: 'granted',
      syncState: 'pending'
    })
    // 100 granted today leaves 50 of the customer's 150.
    expect(await grantCompensation(store, input(complaintId, 60), agent)).toMatchObject({
      status: 'pending'
    })
    const reopened = await openStore()
    expect(
      listCompensations(reopened.db, { complaintId, status: null, limit: 10 })
        .map((c) => [c.amount, c.status])
        .sort()
    ).toEqual([
      [100, 'granted'],
      [60, 'pending']
    ])
    expect(
      reopened
        .pendingMutations(10)
        .map((m) => [m.name, m.name === 'compensation.grant' ? m.args.expected : null])
    ).toEqual([
      ['complaint.create', null],
      ['compensation.grant', 'granted'],
      ['compensation.grant', 'pending']
    ])
    expect(complaintTimeline(reopened.db, complaintId).map((e) => [e.action, e.pending])).toEqual([
      ['created', false],
      ['compensation_granted', true],
      ['compensation_requested', true]
    ])
  })

  it("takes the server's decision from the push result, whatever was decided here", async () => {
    const store = await openStore()
    const { complaintId } = await prepared(store)
    const granted = await grantCompensation(store, input(complaintId, 10), agent)
    const mutations = store.pendingMutations(10)
    const grant = mutations.find((m) => m.name === 'compensation.grant')
    if (!grant) throw new Error('the grant should be queued')
    store.applyPushResults(mutations, [], new Map([[grant.id, 'pending']]))
    expect(listCompensations(store.db, { complaintId, status: null, limit: 10 })).toEqual([
      expect.objectContaining({ id: granted.id, status: 'pending', syncState: 'synced' })
    ])
  })

  it("lays a lead's queued decision over the pulled request, and the server's row then wins", async () => {
    const store = await openStore()
    const { complaintId, customerId } = await prepared(store)
    const request: Compensation = {
      id: '5b0f7a52-8c1e-4a43-9f5e-2a6c1d0e9b11',
      complaintId,
      customerId,
      practice: false,
      personaId: null,
      teamId: '0e9b5b0f-7a52-4c1e-8a43-9f5e2a6c1d0e',
      type: 'refund',
      amount: 250,
      currency: 'USD',
      reason: 'Tres semanas sin servicio',
      tier: 'high_yield',
      status: 'pending',
      approvalReason: 'over_single_limit',
      requestedBy: '2a6c1d0e-9b11-4b0f-8a52-8c1e4a439f5e',
      requestedAt: new Date().toISOString(),
      decidedBy: null,
      decidedAt: null,
      decisionReason: null
    }
    store.applyPull([{ seq: 3, entity: 'compensation', data: request }], 3)
    expect(
      listCompensations(store.db, { complaintId: null, status: 'pending', limit: 10 })
    ).toHaveLength(1)
    const decided = await decideCompensation(store, {
      compensationId: request.id,
      decision: 'approve',
      reason: 'Cliente de valor'
    })
    expect(decided).toMatchObject({ status: 'approved', decisionPending: true })
    expect(
      listCompensations(store.db, { complaintId: null, status: 'pending', limit: 10 })
    ).toEqual([])
    await expect(
      decideCompensation(store, { compensationId: request.id, decision: 'reject', reason: 'No' })
    ).rejects.toThrow(/already decided/)
    // Another lead decided first: the server's row says rejected, and that is what shows.
    store.applyPull(
      [{ seq: 4, entity: 'compensation', data: { ...request, status: 'rejected' } }],
      4
    )
    expect(listCompensations(store.db, { complaintId, status: null, limit: 10 })[0]).toMatchObject({
      status: 'rejected'
    })
  })
  it('shows a note in the timeline at once, queued for the server, through a restart', async () => {
    const store = await openStore()
    const { complaintId } = await prepared(store)
    await addComplaintNote(store, { complaintId, note: 'Llamar por la tarde' })
    const reopened = await openStore()
    expect(
      complaintTimeline(reopened.db, complaintId).map((e) => [e.action, e.note, e.pending])
    ).toEqual([
      ['created', null, false],
      ['note', 'Llamar por la tarde', true]
    ])
    expect(reopened.pendingMutations(10).map((m) => m.name)).toEqual([
      'complaint.create',
      'complaint.note'
    ])
  })
})
