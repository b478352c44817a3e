/**
 * A workstation updated to this build opens the store the previous build left and syncs it:
 * `test/fixtures/store-protocol-8` was written by the build at cde15ca (protocol 8, before the
 * house was regrouped by capability) — a quick-created customer and a complaint in the snapshot,
 * a second complaint in the journal only, nothing synced yet. Real files, real central server.
 */
import { cp } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, expect, it } from 'vitest'

import { serverComplaints } from '../support/server-api'
import { createTestDatabase } from '../support/server-db'
import { describeOnEngines } from '@support/engine-suite'
import { makeStoreDir, removeStoreDir } from '../support/worker-node-files'
import { openTestStore } from '../support/worker-store'
import { useTestServer } from '../support/worker-server'
import { useSyncClients } from '../support/worker-sync'

const fixture = join(import.meta.dirname, '../fixtures/store-protocol-8')
const descriptions = [
  'Written by the previous build, in the snapshot',
  'Written by the previous build, in the journal only'
]

describeOnEngines('a store written by the previous build on %s', (engine) => {
  const { server, tokens } = useTestServer({
    users: ['ana'],
    database: () => createTestDatabase(engine)
  })
  let dir = ''
  afterEach(async () => {
    await removeStoreDir(dir)
  })
  const clients = useSyncClients(server)

  it('opens with its snapshot and journal, and its records reach the server', async () => {
    dir = await makeStoreDir()
    await cp(fixture, dir, { recursive: true })

    const store = await openTestStore(dir)
    expect(store.report).toMatchObject({ snapshotLoaded: true, restoredWrites: 1, corruptLines: 0 })
    expect(store.report.unreadableWrites).toBe(0)
    expect(store.outboxCounts()).toEqual({ pending: 3, rejected: 0 })
    await store.close()

    const client = await clients.open({ dir, tokens: tokens('ana') })
    expect((await client.harness.engine.syncNow()).lastError).toBeNull()
    expect(client.store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
    const onServer = (await serverComplaints(server.url)).map((c) => c.description)
    expect(onServer).toEqual(expect.arrayContaining(descriptions))
  })
})
