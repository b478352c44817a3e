/// <reference types="node" />
/**
 * Practice records in the local store: a complaint filed on a practice call names the persona and
 * no customer (the mark is checked before anything is journaled), reads back as practice, and a
 * pulled purge drops every practice row the server had sent, keeping production rows and the
 * practice ones still on their way to the server.
 */
import { randomUUID } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { createComplaint } from '@renderer/workers/data/complaints/commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { complaintSchema, type Complaint } from '@shared/domain/complaint'
import { useTestStores } from '@support/worker-store'

const PERSONA = 'persona-marta-vidal'

function serverComplaint(overrides: Partial<Complaint> = {}): Complaint {
  return complaintSchema.parse({
    id: randomUUID(),
    customerId: null,
    callId: null,
    category: 'billing',
    description: 'Cobro duplicado',
    createdAt: new Date().toISOString(),
    caseNumber: 'QR-000001',
    status: 'open',
    agentId: randomUUID(),
    teamId: randomUUID(),
    receivedAt: new Date().toISOString(),
    ...overrides
  })
}

describe('practice records on the desk', () => {
  const stores = useTestStores()

  it('files a practice complaint for the persona and reads it back as practice', async () => {
    const store = await stores.openStore()
    const complaint = await createComplaint(store, {
      customerId: null,
      personaId: PERSONA,
      callId: 'practice-1',
      category: 'billing',
      description: 'Cobro duplicado en práctica'
    })
    expect(complaint).toMatchObject({ practice: true, personaId: PERSONA, customerId: null })
    const queued = store.pendingMutations(10).find((m) => m.name === 'complaint.create')
    expect(queued?.args).toMatchObject({ practice: true, personaId: PERSONA, customerId: null })
  })

  it('refuses a practice complaint that names a customer, journaling nothing', async () => {
    const store = await stores.openStore()
    await expect(
      createComplaint(store, {
        customerId: randomUUID(),
        personaId: PERSONA,
        callId: 'practice-1',
        category: 'billing',
        description: 'Cobro duplicado'
      })
    ).rejects.toThrow('A practice record names its persona, never a real customer')
    expect(store.pendingMutations(10)).toEqual([])
  })

  it('drops the pulled practice rows on a purge, keeping production and what is still pending', async () => {
    const store = await stores.openStore()
    const practice = serverComplaint({ practice: true, personaId: PERSONA })
    const production = serverComplaint({ caseNumber: 'QR-000002' })
    store.applyPull(
      [
        { seq: 1, entity: 'complaint', data: practice },
        { seq: 2, entity: 'complaint', data: production }
      ],
      2
    )
    const pending = await createComplaint(store, {
      customerId: null,
      personaId: PERSONA,
      callId: 'practice-2',
      category: 'billing',
      description: 'Aún sin enviar'
    })
    store.applyPull(
      [
        {
          seq: 3,
          entity: 'practice_purge',
          data: { id: randomUUID(), purgedAt: new Date().toISOString(), purgedBy: randomUUID() }
        }
      ],
      3
    )
    const left = listComplaints(store.db, null, 50).map((c) => c.id)
    expect(left).toContain(production.id)
    expect(left).toContain(pending.id)
    expect(left).not.toContain(practice.id)
  })
})
