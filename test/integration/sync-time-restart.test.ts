/**
 * The last sync time survives a restart: a workstation that reopens its store offline says when
 * the cache last synced (and that it is stale) instead of "never"; after a crash that lost pulled
 * rows, it never claims a sync those rows belonged to. Real store files, real central server.
 */
import { randomUUID } from 'node:crypto'

import { afterEach, expect, it } from 'vitest'

import type { FetchLike } from '@renderer/workers/data/sync/http'
import { createComplaint } from '@renderer/workers/data/complaints/commands'
import { cacheFreshness, STALE_CACHE_AFTER_MS } from '@shared/domain/cache-freshness'
import { makeStoreDir, removeStoreDir } from '../support/worker-node-files'
import { createTestDatabase } from '../support/server-db'
import { describeOnEngines } from '@support/engine-suite'
import { useTestServer } from '../support/worker-server'
import { startEngine, useSyncClients, type SyncClient } from '../support/worker-sync'

/** The network is down: every request fails before reaching any server. */
const offline: FetchLike = () => Promise.reject(new TypeError('fetch failed'))

describeOnEngines('last sync time across restarts on %s', (engine) => {
  const { server, tokens } = useTestServer({
    users: ['ana'],
    database: () => createTestDatabase(engine)
  })
  let dir: string
  // Registered before the clients, so the folder goes once they are closed.
  afterEach(async () => {
    await removeStoreDir(dir)
  })
  const clients = useSyncClients(server)

  /** Opens the workstation in `dir` again: a restart of the app. */
  const start = (fetch?: FetchLike) =>
    clients.open({ dir, tokens: tokens('ana'), ...(fetch ? { fetch } : {}) })

  /** Stops syncing and closes the store without a final snapshot (as a killed worker would). */
  const stop = (client: SyncClient) => client.close()

  it('an offline restart shows the last sync and warns once it is stale', async () => {
    dir = await makeStoreDir()
    const online = await start()
    expect((await online.harness.engine.syncNow()).lastError).toBeNull()
    // Read once the engine stopped: a realtime poke may have run one more pass.
    await online.harness.engine.stop()
    const at = online.harness.engine.status().lastSyncAt
    await stop(online)
    expect(at).not.toBeNull()
    if (at === null) return

    const restarted = await start(offline)
    expect(restarted.store.lastSyncedAt).toBe(at)
    // The status the app sees first, before any pass has finished, already says when.
    expect(restarted.harness.eventsNamed('sync:status-changed')[0]?.lastSyncAt).toBe(at)
    const status = await restarted.harness.engine.syncNow()
    expect(status.lastError).not.toBeNull()
    expect(status.lastSyncAt).toBe(at)
    const syncedAt = Date.parse(at)
    expect(cacheFreshness(status.lastSyncAt, new Date(syncedAt + 60_000))).toBe('fresh')
    expect(cacheFreshness(status.lastSyncAt, new Date(syncedAt + STALE_CACHE_AFTER_MS + 1))).toBe(
      'stale'
    )
  })

  it('after a crash that lost pulled rows, the time of what the snapshot holds', async () => {
    dir = await makeStoreDir()
    const first = await start()
    expect((await first.harness.engine.syncNow()).lastError).toBeNull()
    await first.harness.engine.stop()
    // The idle snapshot: rows and sync time reach disk together.
    await first.store.snapshot()
    const snapshotted = first.store.lastSyncedAt
    const cursorOnDisk = first.store.cursor
    expect(snapshotted).not.toBeNull()

    // The server logs a new complaint; the next pass pulls it back into memory only.
    await createComplaint(first.store, {
      customerId: null,
      callId: `call-${randomUUID().slice(0, 8)}`,
      category: 'billing',
      description: 'Factura duplicada'
    })
    const second = startEngine({ store: first.store, serverUrl: server.url, tokens: tokens('ana') })
    const later = await second.engine.syncNow()
    await second.engine.stop()
    expect(later.lastError).toBeNull()
    expect(later.cursor).toBeGreaterThan(cursorOnDisk)
    await stop(first)

    const restarted = await start(offline)
    expect(restarted.store.cursor).toBe(cursorOnDisk)
    expect(restarted.store.lastSyncedAt).toBe(snapshotted)
  })

  it('a store that never synced says never', async () => {
    dir = await makeStoreDir()
    const { store } = await start(offline)
    expect(store.lastSyncedAt).toBeNull()
  })
})
