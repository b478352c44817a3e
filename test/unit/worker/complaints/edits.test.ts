/// <reference types="node" />
import { randomUUID } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { discardRejectedComplaint } from '@renderer/workers/data/complaints/commands'
import {
  resolveEditConflict,
  updateComplaint
} from '@renderer/workers/data/complaints/edit-commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { appError } from '@shared/contract/errors'
import type { LocalComplaint } from '@shared/contract/worker'
import { complaintSchema, type Complaint } from '@shared/domain/complaint'
import { editableValuesOf, productEditValue } from '@shared/domain/complaint-edit'
import type { Mutation, MutationOf } from '@shared/sync/protocol'
import { useTestStores } from '@support/worker-store'

const HOUR_MS = 3_600_000
const teammate = randomUUID()

function serverComplaint(overrides: Partial<Complaint> = {}): Complaint {
  return complaintSchema.parse({
    id: randomUUID(),
    customerId: null,
    callId: null,
    category: 'billing',
    description: 'Cobro duplicado',
    createdAt: new Date(Date.now() - HOUR_MS).toISOString(),
    caseNumber: 'QR-000001',
    status: 'open',
    agentId: teammate,
    teamId: randomUUID(),
    receivedAt: new Date().toISOString(),
    severity: 'low',
    expected: 'Un cargo',
    ...overrides
  })
}

function find(store: LocalStore, id: string): LocalComplaint | undefined {
  return listComplaints(store.db, null, 50).find((c) => c.id === id)
}

function isUpdate(m: Mutation): m is MutationOf<'complaint.update'> {
  return m.name === 'complaint.update'
}

describe('complaint edits in the local store', () => {
  const stores = useTestStores()

  it('lays an edit on the row at once, keeps it over a pulled server row, and queues the bases', async () => {
    const store = await stores.openStore()
    const server = serverComplaint()
    store.applyPull([{ seq: 1, entity: 'complaint', data: server }], 1)
    const before = editableValuesOf(server)
    const edited = await updateComplaint(store, {
      complaintId: server.id,
      before,
      after: { ...before, severity: 'critical', description: 'Cobro triple' }
    })
    expect(edited).toMatchObject({ severity: 'critical', description: 'Cobro triple' })
    // The due time follows the severity here too (4 hours from filing).
    expect(Date.parse(edited.dueAt ?? '')).toBe(Date.parse(server.createdAt) + 4 * HOUR_MS)
    const [queued] = store.pendingMutations(10).filter(isUpdate)
    expect(queued?.args.edits).toEqual([
      { field: 'description', base: 'Cobro duplicado', value: 'Cobro triple' },
      { field: 'severity', base: 'low', value: 'critical' }
    ])
    // A pull of the server's row (someone else's edit of another field) keeps mine on top.
    store.applyPull([{ seq: 2, entity: 'complaint', data: { ...server, expected: 'Nada' } }], 2)
    expect(find(store, server.id)).toMatchObject({
      severity: 'critical',
      description: 'Cobro triple',
      expected: 'Nada'
    })
    // Nothing changed: nothing is queued.
    const now = find(store, server.id)
    if (!now) throw new Error('complaint missing')
    await updateComplaint(store, {
      complaintId: server.id,
      before: editableValuesOf(now),
      after: editableValuesOf(now)
    })
    expect(store.pendingMutations(10).filter(isUpdate)).toHaveLength(1)
  })

  it('keeps a conflict until the user chooses; "mine" queues an edit based on theirs', async () => {
    const store = await stores.openStore()
    const server = serverComplaint()
    store.applyPull([{ seq: 1, entity: 'complaint', data: server }], 1)
    const before = editableValuesOf(server)
    await updateComplaint(store, {
      complaintId: server.id,
      before,
      after: { ...before, expected: 'Mío', received: 'Dos cargos' }
    })
    const [sent] = store.pendingMutations(10).filter(isUpdate)
    if (!sent) throw new Error('edit not queued')
    const conflict = {
      field: 'expected' as const,
      base: 'Un cargo',
      theirs: 'Suyo',
      yours: 'Mío',
      changedBy: teammate,
      changedAt: new Date().toISOString()
    }
    store.applyPushResults([], [], new Map(), [{ mutation: sent, conflicts: [conflict] }])
    expect(store.pendingMutations(10)).toEqual([])
    const shown = find(store, server.id)
    expect(shown?.expected).toBe('Suyo')
    expect(shown?.received).toBe('Dos cargos')
    expect(shown?.editConflicts).toEqual([conflict])
    // The conflict survives a restart once snapshotted (before that, the journaled edit is
    // replayed and pushed again, and the server answers the same conflict).
    await store.snapshot()
    await store.close()
    const reopened = await stores.openStore()
    expect(find(reopened, server.id)?.editConflicts).toEqual([conflict])
    const chosen = await resolveEditConflict(reopened, {
      complaintId: server.id,
      field: 'expected',
      choice: 'mine'
    })
    expect(chosen.editConflicts).toEqual([])
    expect(chosen.expected).toBe('Mío')
    expect(
      reopened
        .pendingMutations(10)
        .filter(isUpdate)
        .map((m) => m.args.edits)
    ).toEqual([[{ field: 'expected', base: 'Suyo', value: 'Mío' }]])
  })

  it('"keep theirs" drops the conflict and queues nothing; a refused edit goes back', async () => {
    const store = await stores.openStore()
    const server = serverComplaint()
    store.applyPull([{ seq: 1, entity: 'complaint', data: server }], 1)
    const before = editableValuesOf(server)
    await updateComplaint(store, {
      complaintId: server.id,
      before,
      after: { ...before, severity: 'high' }
    })
    const [sent] = store.pendingMutations(10).filter(isUpdate)
    if (!sent) throw new Error('edit not queued')
    store.applyPushResults([], [], new Map(), [
      {
        mutation: sent,
        conflicts: [
          {
            field: 'severity',
            base: 'low',
            theirs: 'medium',
            yours: 'high',
            changedBy: null,
            changedAt: null
          }
        ]
      }
    ])
    const kept = await resolveEditConflict(store, {
      complaintId: server.id,
      field: 'severity',
      choice: 'theirs'
    })
    expect(kept).toMatchObject({ severity: 'medium', editConflicts: [] })
    expect(store.pendingMutations(10)).toEqual([])

    await updateComplaint(store, {
      complaintId: server.id,
      before: editableValuesOf(kept),
      after: { ...editableValuesOf(kept), description: 'Ya no es un cobro' }
    })
    const [refused] = store.pendingMutations(10).filter(isUpdate)
    if (!refused) throw new Error('edit not queued')
    store.applyPushResults(
      [],
      [{ mutation: refused, reason: appError('forbidden', 'Otro equipo') }]
    )
    expect(find(store, server.id)).toMatchObject({
      description: 'Cobro duplicado',
      editRefused: 'Otro equipo'
    })
    expect(await discardRejectedComplaint(store, server.id)).toBe(true)
    expect(find(store, server.id)?.editRefused).toBeNull()
  })

  it('lays a new product (code and name together) and channel on the row and queues them', async () => {
    const store = await stores.openStore()
    const server = serverComplaint({
      productCode: 'FIBER-1G',
      productName: 'Fibra 1 Gb',
      channel: 'phone'
    })
    store.applyPull([{ seq: 1, entity: 'complaint', data: server }], 1)
    const before = editableValuesOf(server)
    const mobile = productEditValue({
      productCode: 'MOB-PLUS',
      productName: 'Tarifa móvil ilimitada'
    })
    const edited = await updateComplaint(store, {
      complaintId: server.id,
      before,
      after: { ...before, product: mobile, channel: 'email' }
    })
    expect(edited).toMatchObject({
      productCode: 'MOB-PLUS',
      productName: 'Tarifa móvil ilimitada',
      channel: 'email'
    })
    const [queued] = store.pendingMutations(10).filter(isUpdate)
    expect(queued?.args.edits).toEqual([
      { field: 'product', base: before.product, value: mobile },
      { field: 'channel', base: 'phone', value: 'email' }
    ])
  })
})
