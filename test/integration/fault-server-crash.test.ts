/**
 * Fault: the central server is killed with SIGKILL while the sync engine is pushing, twice, then
 * comes back. Records are counted on both ends: nothing lost, nothing doubled.
 */
import { randomUUID } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { z } from 'zod'

import type { FetchLike } from '@renderer/workers/data/sync/http'
import { createComplaint } from '@renderer/workers/data/complaints/commands'
import { loginAs, serverComplaints } from '../support/server-api'
import { ServerProcess } from '../support/server-process'
import { makeStoreDir, removeStoreDir } from '../support/worker-node-files'
import { openTestStore } from '../support/worker-store'
import { startEngine } from '../support/worker-sync'

const TOTAL = 600
const pushBodySchema = z.object({ mutations: z.array(z.object({ id: z.string() })) })

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('server killed mid-push', () => {
  let server: ServerProcess
  let dir: string

  beforeAll(async () => {
    server = await ServerProcess.create()
    await server.start()
    dir = await makeStoreDir()
  }, 120_000)

  afterAll(async () => {
    await server.stop('SIGKILL')
    await removeStoreDir(dir)
  })

  it('applies every acknowledged write exactly once after two SIGKILLs during pushes', async () => {
    const { accessToken, refreshToken } = await loginAs(server.url, 'ana')
    const store = await openTestStore(dir)
    const marker = randomUUID().slice(0, 8)
    for (let i = 0; i < TOTAL; i++) {
      await createComplaint(store, {
        customerId: null,
        callId: null,
        category: 'billing',
        description: `fault ${marker} #${i}`
      })
    }
    // Counts how often each mutation left the client, to prove the kills hit pushes in flight.
    const sent = new Map<string, number>()
    const countingFetch: FetchLike = (url, init) => {
      if (url.endsWith('/api/sync/push') && typeof init.body === 'string') {
        const body = pushBodySchema.parse(JSON.parse(init.body))
        for (const m of body.mutations) sent.set(m.id, (sent.get(m.id) ?? 0) + 1)
      }
      return fetch(url, init)
    }
    const harness = startEngine({
      store,
      serverUrl: server.url,
      tokens: { accessToken, refreshToken },
      fetch: countingFetch
    })

    // Kill as soon as the first batch is acknowledged, so the next batch is in flight.
    await waitFor(() => store.outboxCounts().pending < TOTAL, 60_000, 'a first acknowledged batch')
    await server.stop('SIGKILL')
    await server.start()
    const afterFirst = store.outboxCounts().pending
    await waitFor(() => store.outboxCounts().pending < afterFirst, 60_000, 'progress after restart')
    await server.stop('SIGKILL')
    await server.start()
    await harness.engine.syncNow()
    await waitFor(() => store.outboxCounts().pending === 0, 90_000, 'an empty outbox')

    const mine = (await serverComplaints(server.url)).filter((c) =>
      c.description.startsWith(`fault ${marker} `)
    )
    const counts = new Map<string, number>()
    for (const c of mine) counts.set(c.description, (counts.get(c.description) ?? 0) + 1)
    expect(counts.size).toBe(TOTAL)
    expect([...counts.values()].every((n) => n === 1)).toBe(true)
    expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
    const caseNumbers = new Set(mine.map((c) => c.caseNumber))
    expect(caseNumbers.size).toBe(TOTAL)
    const resent = [...sent.values()].filter((n) => n > 1).length
    expect(resent, 'a batch was in flight when the server died and was sent again').toBeGreaterThan(
      0
    )

    await harness.engine.stop()
    await store.close()
  }, 240_000)
})
