/**
 * The central server's sync endpoints over real HTTP on the embedded database: the initial pull
 * of the demo customers into a local store, and pushes of complaint batches from one client.
 */
import { randomUUID } from 'node:crypto'

import initSqlJs from 'sql.js'

import { LocalStore } from '@renderer/workers/data/store/local-store'
import { PROTOCOL_VERSION, pullResponseSchema, pushResponseSchema } from '@shared/sync/protocol'
import { complaintArgs, complaintMutation, syncHeaders } from '@support/server-app'
import { TestServer } from '@support/worker-server'
import { emit, percentile, round } from './stats'

const headers = (token: string) => ({ ...syncHeaders(token), 'content-type': 'application/json' })

async function initialPull(url: string, token: string, store: LocalStore): Promise<number> {
  let cursor = 0
  let rows = 0
  for (;;) {
    const res = await fetch(`${url}/api/sync/pull?cursor=${cursor}&limit=5000`, {
      headers: headers(token)
    })
    const page = pullResponseSchema.parse(await res.json())
    store.applyPull(page.changes, page.cursor)
    rows += page.changes.length
    cursor = page.cursor
    if (!page.hasMore) return rows
  }
}

function complaintBatch(size: number) {
  return Array.from({ length: size }, (_, i) =>
    complaintMutation(complaintArgs({ callId: null, description: `Reclamo de prueba ${i}` }))
  )
}

export async function benchServerSync(batches: number, batchSize: number): Promise<void> {
  const server = await TestServer.create()
  const url = await server.start()
  const { accessToken } = await server.login('ana')
  const store = await LocalStore.open({
    sql: await initSqlJs(),
    files: { append: noop, read: empty, replace: noop, remove: noop, list: none, close: noop },
    name: 'bench',
    newId: () => randomUUID(),
    now: () => new Date()
  })
  const t0 = performance.now()
  const pulled = await initialPull(url, accessToken, store)
  const pullMs = performance.now() - t0

  const clientId = randomUUID()
  const latencies: number[] = []
  const started = performance.now()
  for (let b = 0; b < batches; b++) {
    const body = JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      clientId,
      mutations: complaintBatch(batchSize)
    })
    const t = performance.now()
    const res = await fetch(`${url}/api/sync/push`, {
      method: 'POST',
      headers: headers(accessToken),
      body
    })
    pushResponseSchema.parse(await res.json())
    latencies.push(performance.now() - t)
  }
  const elapsed = performance.now() - started
  await store.close()
  await server.close()
  emit({
    bench: 'server-sync',
    database: 'pglite',
    initialPullRows: pulled,
    initialPullMs: round(pullMs),
    pushBatches: batches,
    batchSize,
    mutationsPerSec: round(((batches * batchSize) / elapsed) * 1000, 0),
    pushP50Ms: percentile(latencies, 50),
    pushP99Ms: percentile(latencies, 99)
  })
}

// The pull bench keeps pulled data in memory only, like the worker between snapshots.
const noop = () => Promise.resolve()
const empty = () => Promise.resolve(new Uint8Array())
const none = () => Promise.resolve([] as string[])
