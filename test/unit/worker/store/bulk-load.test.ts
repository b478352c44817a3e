/// <reference types="node" />
/**
 * The initial load through a bulk pull stream: everything in one transaction, indexes rebuilt,
 * a snapshot at the end, all or nothing when the stream is cut.
 */
import { randomUUID } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { ndjsonLines, type StreamLine } from '@renderer/workers/data/sync/bulk-stream'
import { CUSTOMER_INDEXES } from '@renderer/workers/data/customers/bulk-load'
import { snapshotFile } from '@renderer/workers/data/store/store-files'
import { queryAll } from '@renderer/workers/data/store/sql'
import { createComplaint } from '@renderer/workers/data/complaints/commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { cacheCustomers, createCustomer } from '@renderer/workers/data/customers/commands'
import {
  countCustomers,
  getCustomer,
  matchCustomer
} from '@renderer/workers/data/customers/queries'
import { searchCustomers } from '@renderer/workers/data/customers/search'
import { complaintSchema, type Complaint } from '@shared/domain/complaint'
import type { Customer } from '@shared/domain/customer'
import { customerCacheRow } from '@shared/sync/customer-cache-row'
import { NodeDurableFiles } from '@support/worker-node-files'
import { customer, loadSql, TEST_USER_ID, useTestStores } from '@support/worker-store'

const jose = customer({
  firstName: 'José',
  lastName: 'Núñez Peña',
  documentId: '79.467.173-b',
  phones: [{ e164: '+34612345678', kind: 'mobile' }],
  emails: ['Jose.Nunez@Example.com']
})
const household = [
  customer({ firstName: 'Carmen', phones: [{ e164: '+34963000123', kind: 'home' }] }),
  customer({ firstName: 'Luis', phones: [{ e164: '+34963000123', kind: 'home' }] })
]

function complaintFor(c: Customer): Complaint {
  // Parsed, so the details a complaint written before them lacks take their defaults.
  return complaintSchema.parse({
    id: randomUUID(),
    customerId: c.id,
    callId: null,
    category: 'billing',
    description: 'Cobro duplicado',
    createdAt: '2025-06-01T10:00:00.000Z',
    caseNumber: 'Q-000001',
    status: 'open',
    agentId: randomUUID(),
    teamId: null,
    receivedAt: '2025-06-01T10:00:01.000Z'
  })
}

function customerLine(seq: number, data: Customer): string {
  return JSON.stringify({ seq, entity: 'customer', data })
}

/** Customers as the server sends them since protocol 7: one block of cache rows. */
function blockLine(...customers: Customer[]): string {
  return JSON.stringify(customers.map(customerCacheRow))
}

const text = (line: StreamLine): string =>
  typeof line === 'string' ? line : new TextDecoder().decode(line)

/** A body delivered in chunks of `size` bytes, cutting lines and UTF-8 characters anywhere. */
function body(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close()
        return
      }
      controller.enqueue(bytes.slice(offset, offset + size))
      offset += size
    }
  })
}

const stream = (lines: string[], chunk = 7) => ndjsonLines(body(`${lines.join('\n')}\n`, chunk))

async function indexesInSnapshot(dir: string): Promise<string[]> {
  const SQL = await loadSql()
  const bytes = await new NodeDurableFiles(dir).read(snapshotFile(`atiende-${TEST_USER_ID}`))
  const db = new SQL.Database(bytes)
  const names = queryAll(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers'"
  ).map((r) => String(r['name']))
  db.close()
  return names.filter((n) => !n.startsWith('sqlite_autoindex')).sort()
}

describe('initial load from a bulk pull stream', () => {
  const { openStore, dir } = useTestStores()

  it('splits NDJSON cut anywhere, even inside a multi-byte character', async () => {
    const lines = ['{"a":"Núñez"}', blockLine(jose), '{"b":"Peña"}', '{"cursor":3}']
    for (const chunk of [3, 7, 1000]) {
      const seen: StreamLine[] = []
      for await (const batch of stream(lines, chunk)) seen.push(...batch)
      expect(seen.map(text)).toEqual(lines)
      // A customer block stays bytes for SQLite; every other line is decoded.
      expect(seen.map((l) => typeof l)).toEqual(['string', 'object', 'string', 'string'])
    }
  })

  it.each([
    ['customer blocks', [blockLine(jose, ...household)]],
    [
      'one change line per customer (rows written before cache rows)',
      [customerLine(1, jose), ...household.map((c, i) => customerLine(2 + i, c))]
    ]
  ])(
    'loads %s and complaints, rebuilds the indexes and snapshots the result',
    async (_, customerLines) => {
      const store = await openStore()
      expect(store.needsInitialLoad).toBe(true)
      const report = await store.applyBulk(
        stream([
          JSON.stringify({ seq: 4, entity: 'complaint', data: complaintFor(jose) }),
          ...customerLines,
          '{"cursor":9}'
        ])
      )
      expect(report).toMatchObject({ customers: 3, otherChanges: 1, invalidLines: 0, cursor: 9 })
      expect(store.cursor).toBe(9)
      expect(store.needsInitialLoad).toBe(false)
      expect(listComplaints(store.db, jose.id, 10)).toHaveLength(1)
      const match = (callerNumber: string) =>
        matchCustomer(store.db, { callerNumber, ctiCustomerId: null, defaultCountry: 'ES' })
      expect(match('612 34 56 78').customers.map((c) => c.id)).toEqual([jose.id])
      expect(match('963 00 01 23').customers.map((c) => c.firstName)).toEqual(['Carmen', 'Luis'])
      const search = (q: string) => searchCustomers(store.db, q, 20, 'ES').map((c) => c.id)
      expect(search('jose nu')).toEqual([jose.id])
      expect(search('NUNEZ')).toEqual([jose.id])
      expect(search('jose.nunez@')).toEqual([jose.id])
      expect(search('79467173B')).toEqual([jose.id])
      expect(getCustomer(store.db, jose.id)).toEqual(jose)

      expect(await indexesInSnapshot(dir())).toEqual(CUSTOMER_INDEXES.map((i) => i.name).sort())
      // Nothing was journaled: a reopen finds the load in the snapshot alone.
      await store.close()
      const reopened = await openStore()
      expect(reopened.report).toMatchObject({ snapshotLoaded: true, restoredWrites: 0 })
      expect(countCustomers(reopened.db)).toBe(3)
      expect(reopened.cursor).toBe(9)
      expect(reopened.needsInitialLoad).toBe(false)
    }
  )

  it('keeps the latest version of a customer seen twice, or cached before the load', async () => {
    const store = await openStore()
    const moved = { ...jose, phones: [{ e164: '+34699000111', kind: 'mobile' as const }] }
    cacheCustomers(store, [household[0] ?? jose])
    const renamed = { ...(household[0] ?? jose), firstName: 'Carmela' }
    await store.applyBulk(
      stream([
        customerLine(1, jose),
        customerLine(2, renamed),
        customerLine(3, moved),
        '{"cursor":3}'
      ])
    )
    expect(countCustomers(store.db)).toBe(2)
    const byNumber = (n: string) =>
      matchCustomer(store.db, { callerNumber: n, ctiCustomerId: null, defaultCountry: 'ES' })
    expect(byNumber('+34612345678').matchedBy).toBe('none')
    expect(byNumber('+34699000111').customers.map((c) => c.id)).toEqual([jose.id])
    expect(byNumber('+34963000123').customers.map((c) => c.firstName)).toEqual(['Carmela'])
    expect(searchCustomers(store.db, 'carmen', 20, 'ES')).toEqual([])
  })

  it('keeps stream order between change lines and blocks: the block read later wins', async () => {
    const store = await openStore()
    const renamed = { ...jose, firstName: 'Josefa' }
    await store.applyBulk(
      stream([customerLine(1, jose), blockLine(household[0] ?? jose, renamed), '{"cursor":3}'])
    )
    expect(countCustomers(store.db)).toBe(2)
    expect(getCustomer(store.db, jose.id)?.firstName).toBe('Josefa')
    expect(searchCustomers(store.db, 'josefa', 20, 'ES').map((c) => c.id)).toEqual([jose.id])
  })

  it('refuses a block row of the wrong shape, counts it, and keeps the rest', async () => {
    const store = await openStore()
    const rows: unknown[] = [household.map(customerCacheRow)].flat()
    const wrongLayout = [...customerCacheRow(jose)]
    wrongLayout[5] = [99, 'José']
    rows.push(wrongLayout, [jose.id, 'CUST-1', 'jose', 'nunez', null, 'not a layout', []], 'text')
    const report = await store.applyBulk(stream([JSON.stringify(rows), '{"cursor":2}']))
    expect(report).toMatchObject({ customers: 2, invalidLines: 3 })
    expect(countCustomers(store.db)).toBe(2)
    expect(getCustomer(store.db, jose.id)).toBeNull()
  })

  it('fails the whole load on a block that is not JSON, changing nothing', async () => {
    const store = await openStore()
    const cut = blockLine(jose).slice(0, -5)
    await expect(
      store.applyBulk(stream([blockLine(...household), cut, '{"cursor":2}']))
    ).rejects.toThrow(/malformed JSON/)
    expect(countCustomers(store.db)).toBe(0)
    expect(store.needsInitialLoad).toBe(true)
  })

  it('skips a line that is not a valid change and stores hostile text as text', async () => {
    const store = await openStore()
    const hostile = customer({ firstName: '<img src=x onerror=alert(1)>\u202e', lastName: "'; --" })
    const hostileToo = customer({ firstName: '\u2066Ana\u2069', lastName: '</script>' })
    const report = await store.applyBulk(
      stream([
        customerLine(1, hostile),
        JSON.stringify({ seq: 2, entity: 'customer', data: { ...jose, phones: 'none' } }),
        'not json',
        blockLine(hostileToo),
        '{"cursor":2}'
      ])
    )
    expect(report).toMatchObject({ customers: 2, invalidLines: 2 })
    expect(getCustomer(store.db, hostile.id)).toEqual(hostile)
    expect(getCustomer(store.db, hostileToo.id)).toEqual(hostileToo)
  })

  it('changes nothing when the stream is cut before its trailer, and stays usable', async () => {
    const store = await openStore()
    await expect(
      store.applyBulk(stream([customerLine(1, jose), customerLine(2, household[1] ?? jose)]))
    ).rejects.toThrow(/without its trailer/)
    expect(countCustomers(store.db)).toBe(0)
    expect(store.cursor).toBe(0)
    expect(store.needsInitialLoad).toBe(true)
    // The indexes dropped inside the transaction came back with the rollback.
    cacheCustomers(store, [jose])
    expect(searchCustomers(store.db, 'jose', 20, 'ES').map((c) => c.id)).toEqual([jose.id])
    const written = await createCustomer(store, {
      firstName: 'Nuevo',
      lastName: 'Contacto',
      phoneE164: '+34600111222',
      email: null,
      preferredLanguage: 'es'
    })
    expect(getCustomer(store.db, written.id)?.firstName).toBe('Nuevo')
  })

  it('makes a write issued during the load wait for it, and keeps both', async () => {
    const store = await openStore()
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    async function* slow(): AsyncGenerator<StreamLine[]> {
      yield [new TextEncoder().encode(blockLine(jose))]
      await gate
      yield ['{"cursor":1}']
    }
    const loading = store.applyBulk(slow())
    const writing = createComplaint(store, {
      customerId: jose.id,
      callId: null,
      category: 'billing',
      description: 'Escrita durante la carga'
    })
    release()
    await loading
    await writing
    expect(countCustomers(store.db)).toBe(1)
    expect(listComplaints(store.db, jose.id, 10).map((c) => c.description)).toEqual([
      'Escrita durante la carga'
    ])
  })
})
