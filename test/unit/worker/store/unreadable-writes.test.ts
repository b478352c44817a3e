/// <reference types="node" />
/**
 * Writes stored by an older version that this build's schemas refuse (an identifier with a NUL)
 * are never dropped nor left pending unseen: they become rejected with a reason, through the
 * same path as a refusal from the server. Free text with a NUL is cleaned when read, and goes.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { UNREADABLE_MESSAGE } from '@renderer/workers/data/store/unreadable-entry'
import { snapshotFile } from '@renderer/workers/data/store/store-files'
import {
  createComplaint,
  discardRejectedComplaint
} from '@renderer/workers/data/complaints/commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import type { Mutation } from '@shared/sync/protocol'
import { loadSql, TEST_USER_ID, useTestStores } from '@support/worker-store'

const STORE = `atiende-${TEST_USER_ID}`
const NUL = String.fromCharCode(0)

async function journalLines(dir: string): Promise<{ file: string; lines: string[] }> {
  const [file] = (await readdir(dir)).filter((n) => n.includes('-journal-')).sort()
  if (file === undefined) throw new Error('no journal written')
  const text = await readFile(join(dir, file), 'utf8')
  return { file, lines: text.split('\n').filter((l) => l !== '') }
}

/** A journal line as an older version wrote it, with `args` changed by `edit`. */
function edited(line: string, edit: (args: Record<string, unknown>) => void): string {
  const entry = JSON.parse(line) as { args: Record<string, unknown> }
  edit(entry.args)
  return JSON.stringify(entry)
}

describe('writes this build cannot read', () => {
  const stores = useTestStores()

  const complaint = (description: string, callId: string) =>
    ({ customerId: null, callId, category: 'billing', description }) as const

  it('replays a journaled write with a NUL in an identifier as rejected, and cleans one in free text', async () => {
    const older = await stores.openStore()
    const bad = await createComplaint(older, complaint('Cobro duplicado', 'CALL-1'))
    const dirty = await createComplaint(older, complaint('Cobro triplicado', 'CALL-2'))
    // As an older version left them: a NUL in an identifier, and one in free text.
    const { lines } = await journalLines(stores.dir())
    const [badLine, dirtyLine] = lines
    if (badLine === undefined || dirtyLine === undefined) throw new Error('two lines expected')
    await older.close()
    await writeFile(
      join(stores.dir(), (await journalLines(stores.dir())).file),
      [
        edited(badLine, (args) => (args['callId'] = `CALL-1${NUL}`)),
        edited(dirtyLine, (args) => (args['description'] = `Cobro${NUL} triplicado`)),
        ''
      ].join('\n')
    )
    const store = await stores.openStore()
    expect(store.report).toMatchObject({ restoredWrites: 1, unreadableWrites: 1, corruptLines: 0 })
    expect(store.outboxCounts()).toEqual({ pending: 1, rejected: 1 })
    const [queued] = store.pendingMutations(10)
    expect(queued).toMatchObject({ name: 'complaint.create', args: { id: dirty.id } })
    expect(queued?.name === 'complaint.create' && queued.args.description).toBe('Cobro triplicado')
    // Its row was never applied by this build; the rejected entry stays until discarded.
    expect(listComplaints(store.db, null, 10).map((c) => c.id)).toEqual([dirty.id])
    expect(await discardRejectedComplaint(store, bad.id)).toBe(true)
    expect(store.outboxCounts()).toEqual({ pending: 1, rejected: 0 })
  })

  it('rejects an unreadable row already in the outbox with its reason, and the row shows it', async () => {
    const older = await stores.openStore()
    const bad = await createComplaint(older, complaint('Cobro duplicado', 'CALL-1'))
    await createComplaint(older, complaint('Sin problema', 'CALL-2'))
    await older.snapshot()
    await older.close()
    // The snapshot holds the outbox row; an older version stored a NUL in its identifier.
    const snapshot = join(stores.dir(), snapshotFile(STORE))
    const SQL = await loadSql()
    const db = new SQL.Database(await readFile(snapshot))
    db.run(
      `UPDATE outbox SET args = json_set(args, '$.callId', 'CALL-1' || char(0))
       WHERE json_extract(args, '$.id') = ?`,
      [bad.id]
    )
    await writeFile(snapshot, db.export())
    db.close()

    const store = await stores.openStore()
    expect(store.outboxCounts()).toEqual({ pending: 2, rejected: 0 })
    const batch: Mutation[] = store.pendingMutations(10)
    expect(batch.map((m) => m.name === 'complaint.create' && m.args.description)).toEqual([
      'Sin problema'
    ])
    expect(store.outboxCounts()).toEqual({ pending: 1, rejected: 1 })
    const shown = listComplaints(store.db, null, 10).find((c) => c.id === bad.id)
    expect(shown).toMatchObject({ syncState: 'rejected', rejectReason: UNREADABLE_MESSAGE })
    // The existing discard works on it as on any rejection.
    expect(await discardRejectedComplaint(store, bad.id)).toBe(true)
    expect(store.outboxCounts()).toEqual({ pending: 1, rejected: 0 })
  })

  it('keeps a journal line that fails the schema as a rejected entry, once, with its raw args', async () => {
    // A store that exists (its client id snapshotted), then lines an older version journaled.
    await (await stores.openStore()).close()
    const entry = {
      id: '0b7a3c9e-1f2d-4e5a-8b6c-7d8e9f0a1b2c',
      name: 'complaint.create',
      args: {
        id: '1c8b4d0f-2a3e-4f6b-9c7d-8e9f0a1b2c3d',
        customerId: null,
        callId: `CALL-9${NUL}`,
        category: 'billing',
        description: 'Una queja antigua',
        createdAt: '2025-01-01T00:00:00.000Z'
      }
    }
    const line = `${JSON.stringify(entry)}\n`
    await writeFile(join(stores.dir(), `${STORE}-journal-00000090.jsonl`), line)
    // The same entry again in a later generation, as a retried copy would leave it.
    await writeFile(
      join(stores.dir(), `${STORE}-journal-00000091.jsonl`),
      `${line}{"not":"a mutation"}\nnot json\n`
    )

    const store = await stores.openStore()
    expect(store.report).toMatchObject({ unreadableWrites: 1, skippedWrites: 1, corruptLines: 2 })
    expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 1 })
    // Discarding it uses the raw args it was kept with.
    expect(await discardRejectedComplaint(store, entry.args.id)).toBe(true)
    expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
  })
})
