/// <reference types="node" />
import { readdir, readFile, writeFile, appendFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { createComplaint } from '@renderer/workers/data/complaints/commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { makeStoreDir, removeStoreDir } from '@support/worker-node-files'
import { openTestStore } from '@support/worker-store'

const complaint = (description: string) =>
  ({ customerId: null, callId: 'call-1', category: 'billing', description }) as const

async function journalFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.includes('-journal-')).sort()
}

describe('LocalStore durability', () => {
  let dir: string
  const open: LocalStore[] = []
  const openStore = async (): Promise<LocalStore> => {
    const store = await openTestStore(dir)
    open.push(store)
    return store
  }

  beforeEach(async () => {
    dir = await makeStoreDir()
  })
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close().catch(() => undefined)
    await removeStoreDir(dir)
  })

  it('keeps an acknowledged write across a reopen without any snapshot', async () => {
    const first = await openStore()
    const created = await createComplaint(first, complaint('Cobro duplicado en la factura'))
    expect(created.syncState).toBe('pending')
    // No close(): a crash right after the acknowledgement.
    const second = await openStore()
    expect(second.report.restoredWrites).toBe(1)
    expect(listComplaints(second.db, null, 10)).toEqual([created])
    expect(second.outboxCounts()).toEqual({ pending: 1, rejected: 0 })
    expect(second.clientId).toBe(first.clientId)
  })

  it('replays idempotently: reopening twice never doubles a write', async () => {
    const first = await openStore()
    await createComplaint(first, complaint('Primera queja'))
    await createComplaint(first, complaint('Segunda queja'))
    await openStore()
    const third = await openStore()
    expect(listComplaints(third.db, null, 10)).toHaveLength(2)
    expect(third.pendingMutations(10)).toHaveLength(2)
  })

  it('applies each mutation once when the same entries are replayed twice', async () => {
    const first = await openStore()
    await createComplaint(first, complaint('Duplicada en dos journals'))
    await createComplaint(first, complaint('También duplicada'))
    const [journal] = await journalFiles(dir)
    if (journal === undefined) throw new Error('no journal written')
    // The same entries again in a later generation, as a retried copy would leave them.
    const copy = journal.replace(/\d{8}/, (g) => String(Number(g) + 5).padStart(8, '0'))
    await writeFile(join(dir, copy), await readFile(join(dir, journal)))
    const second = await openStore()
    expect(second.report.restoredWrites).toBe(2)
    expect(second.report.skippedWrites).toBe(2)
    expect(listComplaints(second.db, null, 10)).toHaveLength(2)
    expect(second.outboxCounts().pending).toBe(2)
  })

  it('reopens from the snapshot alone once it covers every write', async () => {
    const first = await openStore()
    await createComplaint(first, complaint('Antes del snapshot'))
    await first.snapshot()
    expect(await journalFiles(dir)).toHaveLength(0)
    const second = await openStore()
    expect(second.report.snapshotLoaded).toBe(true)
    expect(second.report.restoredWrites).toBe(0)
    expect(listComplaints(second.db, null, 10)).toHaveLength(1)
  })

  it('ignores a torn last journal line and keeps every earlier entry', async () => {
    const first = await openStore()
    await createComplaint(first, complaint('Entrada uno'))
    await createComplaint(first, complaint('Entrada dos'))
    const [journal] = await journalFiles(dir)
    if (journal === undefined) throw new Error('no journal written')
    const path = join(dir, journal)
    const text = await readFile(path, 'utf8')
    const firstLine = text.slice(0, text.indexOf('\n') + 1)
    // A crash mid-append: half of a third line, no newline.
    await appendFile(path, firstLine.slice(0, 40))
    const second = await openStore()
    expect(second.report.tornLines).toBe(1)
    expect(
      listComplaints(second.db, null, 10)
        .map((c) => c.description)
        .sort()
    ).toEqual(['Entrada dos', 'Entrada uno'])
    // New writes go to a fresh generation, so the torn tail never swallows them.
    await createComplaint(second, complaint('Entrada tres'))
    const third = await openStore()
    expect(listComplaints(third.db, null, 10)).toHaveLength(3)
    expect(third.report.tornLines).toBe(1)
  })

  it('counts a corrupt middle line without losing its neighbours', async () => {
    const first = await openStore()
    await createComplaint(first, complaint('Vecina de arriba'))
    const [journal] = await journalFiles(dir)
    if (journal === undefined) throw new Error('no journal written')
    const path = join(dir, journal)
    await writeFile(path, `${await readFile(path, 'utf8')}{"not":"a mutation"}\n`)
    const second = await openStore()
    expect(second.report.corruptLines).toBe(1)
    expect(listComplaints(second.db, null, 10)).toHaveLength(1)
  })

  it('loses nothing written during or after a snapshot and deletes covered journals', async () => {
    const store = await openStore()
    for (let i = 0; i < 5; i++) await createComplaint(store, complaint(`Antes ${i}`))
    const before = await journalFiles(dir)
    expect(before).toHaveLength(1)
    // Writes racing with the snapshot: some queue behind its lock, some start after it.
    const racing = Array.from({ length: 10 }, (_, i) =>
      createComplaint(store, complaint(`Durante ${i}`))
    )
    const snapshot = store.snapshot()
    const after = Array.from({ length: 10 }, (_, i) =>
      createComplaint(store, complaint(`Después ${i}`))
    )
    await Promise.all([...racing, snapshot, ...after])
    const remaining = await journalFiles(dir)
    expect(remaining).not.toContain(before[0])
    // Crash now: reopen from the snapshot plus the journals that survive.
    const reopened = await openStore()
    const descriptions = listComplaints(reopened.db, null, 100).map((c) => c.description)
    expect(descriptions).toHaveLength(25)
    expect(new Set(descriptions).size).toBe(25)
    expect(reopened.outboxCounts().pending).toBe(25)
  })

  it('keeps the outbox in write order', async () => {
    const store = await openStore()
    for (let i = 0; i < 4; i++) await createComplaint(store, complaint(`Orden ${i}`))
    const reopened = await openStore()
    expect(
      reopened
        .pendingMutations(10)
        .map((m) => (m.name === 'complaint.create' ? m.args.description : m.name))
    ).toEqual(['Orden 0', 'Orden 1', 'Orden 2', 'Orden 3'])
  })
})
