/**
 * Two data workers (Ana's and her lead Carla's stores with their sync engines) edit the same
 * complaint against the real central server: the fields only one changed merge, the field both
 * changed comes back to Ana as a conflict with both values, and her choice ("use mine") lands on
 * the server and reaches Carla.
 */
import { expect, it } from 'vitest'

import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { createComplaint } from '@renderer/workers/data/complaints/commands'
import {
  resolveEditConflict,
  updateComplaint
} from '@renderer/workers/data/complaints/edit-commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { complaintTimeline } from '@renderer/workers/data/complaints/events'
import type { LocalComplaint } from '@shared/contract/worker'
import { editableValuesOf } from '@shared/domain/complaint-edit'
import { createTestDatabase } from '../support/server-db'
import { describeOnEngines } from '@support/engine-suite'
import { useTestServer } from '../support/worker-server'
import { useSyncClients } from '../support/worker-sync'

function shown(store: LocalStore, id: string): LocalComplaint {
  const found = listComplaints(store.db, null, 50).find((c) => c.id === id)
  if (!found) throw new Error(`complaint ${id} is not in the store`)
  return found
}

describeOnEngines('complaint edits between two clients on %s', (engine) => {
  const { server, tokens, userId } = useTestServer({
    users: ['ana', 'carla'],
    database: () => createTestDatabase(engine)
  })
  const clients = useSyncClients(server)

  async function client(user: 'ana' | 'carla') {
    const { store, harness } = await clients.open({ tokens: tokens(user) })
    return { store, sync: () => harness.engine.syncNow() }
  }

  it('merges what only one changed, and gives a conflict on the field both changed', async () => {
    const ana = await client('ana')
    const carla = await client('carla')
    await ana.sync()
    const filed = await createComplaint(ana.store, {
      customerId: null,
      callId: null,
      category: 'billing',
      description: 'Cobro duplicado en la factura',
      expected: 'Un cargo'
    })
    expect((await ana.sync()).lastError).toBeNull()
    await carla.sync()
    const anaSaw = editableValuesOf(shown(ana.store, filed.id))
    const carlaSaw = editableValuesOf(shown(carla.store, filed.id))

    // Carla edits online first; Ana edits from the same starting point before she syncs.
    await updateComplaint(carla.store, {
      complaintId: filed.id,
      before: carlaSaw,
      after: { ...carlaSaw, expected: 'Devolución (Carla)', received: 'Dos cargos' }
    })
    expect((await carla.sync()).lastError).toBeNull()
    await updateComplaint(ana.store, {
      complaintId: filed.id,
      before: anaSaw,
      after: { ...anaSaw, expected: 'Un solo cargo (Ana)', severity: 'high' }
    })
    expect((await ana.sync()).lastError).toBeNull()

    const afterSync = shown(ana.store, filed.id)
    expect(afterSync).toMatchObject({
      severity: 'high',
      received: 'Dos cargos',
      expected: 'Devolución (Carla)'
    })
    expect(afterSync.editConflicts).toMatchObject([
      {
        field: 'expected',
        base: 'Un cargo',
        theirs: 'Devolución (Carla)',
        yours: 'Un solo cargo (Ana)',
        changedBy: userId('carla')
      }
    ])
    expect(ana.store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })

    await resolveEditConflict(ana.store, {
      complaintId: filed.id,
      field: 'expected',
      choice: 'mine'
    })
    expect((await ana.sync()).lastError).toBeNull()
    expect(shown(ana.store, filed.id)).toMatchObject({
      expected: 'Un solo cargo (Ana)',
      editConflicts: []
    })
    await carla.sync()
    expect(shown(carla.store, filed.id)).toMatchObject({
      expected: 'Un solo cargo (Ana)',
      received: 'Dos cargos',
      severity: 'high'
    })
    // Carla's timeline holds the three edits with their fields.
    const edits = complaintTimeline(carla.store.db, filed.id)
      .filter((e) => e.action === 'edited')
      .map((e) => e.fields)
    expect(edits).toEqual([['expected', 'received'], ['severity'], ['expected']])
  }, 120_000)
})
