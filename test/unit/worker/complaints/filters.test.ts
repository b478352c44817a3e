/// <reference types="node" />
import { randomUUID } from 'node:crypto'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { createComplaint, transitionComplaint } from '@renderer/workers/data/complaints/commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { complaintSchema, type Complaint } from '@shared/domain/complaint'
import { complaintFilterSchema } from '@shared/domain/complaint-filter'
import { makeStoreDir, removeStoreDir } from '@support/worker-node-files'
import { customer, openTestStore } from '@support/worker-store'

const me = randomUUID()
const teammate = randomUUID()
const HOUR_MS = 3_600_000

function serverComplaint(overrides: Partial<Complaint>): Complaint {
  return complaintSchema.parse({
    id: randomUUID(),
    customerId: null,
    callId: null,
    category: 'billing',
    description: 'Del equipo',
    createdAt: new Date(Date.now() - 10 * HOUR_MS).toISOString(),
    caseNumber: 'QR-000001',
    status: 'open',
    agentId: teammate,
    teamId: randomUUID(),
    receivedAt: new Date().toISOString(),
    ...overrides
  })
}

describe('complaint lists in the local store', () => {
  let dir: string
  let store: LocalStore

  beforeEach(async () => {
    dir = await makeStoreDir()
    store = await openTestStore(dir)
  })
  afterEach(async () => {
    await store.close().catch(() => undefined)
    await removeStoreDir(dir)
  })

  const list = (filter: Record<string, unknown>) =>
    listComplaints(store.db, null, 50, complaintFilterSchema.parse(filter)).map(
      (c) => c.description
    )

  it('filters by owner, status, severity and SLA breach', async () => {
    await createComplaint(store, {
      customerId: null,
      callId: null,
      category: 'billing',
      description: 'Mía sin sincronizar',
      severity: 'critical'
    })
    const past = new Date(Date.now() - 10 * HOUR_MS).toISOString()
    store.applyPull(
      [
        {
          seq: 1,
          entity: 'complaint',
          data: serverComplaint({ description: 'Mía sincronizada', agentId: me, severity: 'low' })
        },
        {
          seq: 2,
          entity: 'complaint',
          // Critical: 4 hours, filed 10 hours ago and still open.
          data: serverComplaint({
            description: 'Vencida del equipo',
            severity: 'critical',
            dueAt: new Date(Date.parse(past) + 4 * HOUR_MS).toISOString()
          })
        },
        {
          seq: 3,
          entity: 'complaint',
          data: serverComplaint({
            description: 'Resuelta fuera de plazo',
            status: 'resolved',
            dueAt: new Date(Date.parse(past) + 4 * HOUR_MS).toISOString()
          })
        }
      ],
      3
    )
    expect(list({ agentId: me }).sort()).toEqual(['Mía sin sincronizar', 'Mía sincronizada'])
    expect(list({})).toHaveLength(4)
    expect(list({ status: 'resolved' })).toEqual(['Resuelta fuera de plazo'])
    expect(list({ severity: 'critical' }).sort()).toEqual([
      'Mía sin sincronizar',
      'Vencida del equipo'
    ])
    // A resolved case no longer counts against the SLA.
    expect(list({ breachedOnly: true })).toEqual(['Vencida del equipo'])
    expect(list({ agentId: me, breachedOnly: true })).toEqual([])

    // A step queued here counts at once: the shown status is what the filter judges.
    const [mine] = listComplaints(
      store.db,
      null,
      1,
      complaintFilterSchema.parse({ severity: 'critical', agentId: me })
    )
    if (!mine) throw new Error('my complaint should be listed')
    await transitionComplaint(store, { complaintId: mine.id, action: 'resolve', note: null })
    expect(list({ status: 'resolved' }).sort()).toEqual([
      'Mía sin sincronizar',
      'Resuelta fuera de plazo'
    ])
    expect(list({ status: 'open' }).sort()).toEqual(['Mía sincronizada', 'Vencida del equipo'])
  })

  it('filters by category and customer tier, and searches case number, customer and text', async () => {
    const jose = customer({ firstName: 'José', lastName: 'Núñez Peña', tier: 'high_yield' })
    const marta = customer({ firstName: 'Marta', lastName: 'Ruiz', tier: 'below_zero' })
    store.applyPull(
      [
        { seq: 1, entity: 'customer', data: jose },
        { seq: 2, entity: 'customer', data: marta },
        {
          seq: 3,
          entity: 'complaint',
          data: serverComplaint({
            description: 'Cobro duplicado en la factura',
            caseNumber: 'QR-000123',
            customerId: jose.id
          })
        },
        {
          seq: 4,
          entity: 'complaint',
          data: serverComplaint({
            description: 'El técnico no llegó',
            caseNumber: 'QR-000456',
            category: 'service_quality',
            customerId: marta.id
          })
        }
      ],
      4
    )
    await createComplaint(store, {
      customerId: null,
      callId: null,
      category: 'delivery',
      description: 'PEDIDO sin entregar, ÚLTIMA semana'
    })
    expect(list({ category: 'billing' })).toEqual(['Cobro duplicado en la factura'])
    expect(list({ category: 'service_quality' })).toEqual(['El técnico no llegó'])
    expect(list({ tier: 'high_yield' })).toEqual(['Cobro duplicado en la factura'])
    expect(list({ tier: 'below_zero' })).toEqual(['El técnico no llegó'])
    expect(list({ tier: 'standard' })).toEqual([])
    // Case number (any part of it), customer name and description, without accents or case.
    expect(list({ search: 'qr-000456' })).toEqual(['El técnico no llegó'])
    expect(list({ search: '123' })).toEqual(['Cobro duplicado en la factura'])
    expect(list({ search: 'nunez' })).toEqual(['Cobro duplicado en la factura'])
    expect(list({ search: 'JOSÉ NÚÑ' })).toEqual(['Cobro duplicado en la factura'])
    expect(list({ search: 'tecnico' })).toEqual(['El técnico no llegó'])
    expect(list({ search: 'ultima semana' })).toEqual(['PEDIDO sin entregar, ÚLTIMA semana'])
    expect(list({ search: 'nadie' })).toEqual([])
    // Filters combine.
    expect(list({ search: 'cobro', tier: 'below_zero' })).toEqual([])
    expect(list({ search: '  ', category: 'delivery' })).toEqual([
      'PEDIDO sin entregar, ÚLTIMA semana'
    ])
  })

  it('filters by channel; a complaint filed before channels were asked matches none', async () => {
    store.applyPull(
      [
        { seq: 1, entity: 'complaint', data: serverComplaint({ description: 'Sin canal' }) },
        {
          seq: 2,
          entity: 'complaint',
          data: serverComplaint({ description: 'Por correo', channel: 'email' })
        }
      ],
      2
    )
    await createComplaint(store, {
      customerId: null,
      callId: null,
      category: 'billing',
      description: 'En la tienda',
      channel: 'in_person'
    })
    expect(list({ channel: 'email' })).toEqual(['Por correo'])
    expect(list({ channel: 'in_person' })).toEqual(['En la tienda'])
    expect(list({ channel: 'chat' })).toEqual([])
    expect(list({}).sort()).toEqual(['En la tienda', 'Por correo', 'Sin canal'])
  })

  it('filters by the call it was filed on, one written here or pulled', async () => {
    store.applyPull(
      [
        {
          seq: 1,
          entity: 'complaint',
          data: serverComplaint({ description: 'En la llamada', callId: 'call-a' })
        },
        { seq: 2, entity: 'complaint', data: serverComplaint({ description: 'Sin llamada' }) }
      ],
      2
    )
    await createComplaint(store, {
      customerId: null,
      callId: 'call-a',
      category: 'billing',
      description: 'También en la llamada'
    })
    expect(list({ callId: 'call-a' }).sort()).toEqual(
      ['También en la llamada', 'En la llamada'].sort()
    )
    expect(list({ callId: 'call-b' })).toEqual([])
  })
})
