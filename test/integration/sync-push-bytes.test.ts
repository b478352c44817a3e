/**
 * Pushes sized in bytes as well as count, against the real server and its 1 MiB body limit:
 * 200 complaints of 4,000 characters (about 1.6 MB of UTF-8 JSON) used to be one push answered
 * 413 for ever; now every one of them reaches the server, once.
 */
import { randomUUID } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { MAX_MUTATIONS_PER_PUSH, MAX_PUSH_BYTES } from '@shared/sync/protocol'
import type { FetchLike } from '@renderer/workers/data/sync/http'
import { createComplaint } from '@renderer/workers/data/complaints/commands'
import { useTestServer } from '../support/worker-server'
import { useSyncClients } from '../support/worker-sync'

describe('byte-sized pushes against the central server', () => {
  const { server, tokens } = useTestServer({ users: ['ana'] })
  const clients = useSyncClients(server)

  it('brings 200 complaints of 4,000 characters to the server, in pushes under the body limit', async () => {
    const pushSizes: number[] = []
    const measuringFetch: FetchLike = (url, init) => {
      if (url.endsWith('/api/sync/push') && typeof init.body === 'string') {
        pushSizes.push(new TextEncoder().encode(init.body).byteLength)
      }
      return fetch(url, init)
    }
    const { store, harness } = await clients.open({ tokens: tokens('ana'), fetch: measuringFetch })
    const ids: string[] = []
    for (let i = 0; i < MAX_MUTATIONS_PER_PUSH; i++) {
      const written = await createComplaint(store, {
        customerId: null,
        callId: `call-${randomUUID().slice(0, 8)}`,
        category: 'billing',
        description: `${i} ${'ñ'.repeat(3990)}`
      })
      ids.push(written.id)
    }
    const status = await harness.engine.syncNow()
    expect(status).toMatchObject({ pending: 0, rejected: 0, stuck: 0, lastError: null })
    expect([...(await server.complaintCounts(ids)).values()]).toEqual(ids.map(() => 1))
    expect(pushSizes.length).toBeGreaterThan(1)
    // The envelope adds little to the mutations' budget: every push is far below 1 MiB.
    for (const size of pushSizes) expect(size).toBeLessThan(MAX_PUSH_BYTES + 1024)
  })
})
