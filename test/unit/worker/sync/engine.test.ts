/// <reference types="node" />
/**
 * Failure shapes that the real server does not produce on demand: 503 storms, backoff delays,
 * lost sockets, a push answered without results. These use a scripted fetch and fake timers
 * (test/support/worker-fakes.ts); the store is real (sql.js + files on disk). Everything that the
 * real server can show is in test/integration/sync-engine.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { backoffDelay } from '@shared/retry/backoff'
import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { SyncEngine } from '@renderer/workers/data/sync/engine'
import { createComplaint } from '@renderer/workers/data/complaints/commands'
import type { WorkerEventName } from '@shared/contract/worker'
import { MAX_MUTATIONS_PER_PUSH, mutationSchema, type PushRequest } from '@shared/sync/protocol'
import {
  emptyPull,
  FakeSockets,
  isBulkPull,
  json,
  ManualTimers,
  ndjson,
  scriptedFetch,
  type RecordedRequest
} from '@support/worker-fakes'
import { makeStoreDir, removeStoreDir } from '@support/worker-node-files'
import { openTestStore } from '@support/worker-store'

const USER = {
  id: '11111111-2222-4333-8444-555555555555',
  username: 'ana',
  displayName: 'Ana',
  role: 'agent' as const,
  teamId: null
}

function isPush(r: RecordedRequest): r is RecordedRequest & { body: PushRequest } {
  return r.url.endsWith('/api/sync/push')
}

function appliedAll(r: RecordedRequest): Response {
  if (isBulkPull(r)) return ndjson([{ cursor: 0 }])
  if (!isPush(r)) return json(200, emptyPull)
  return json(200, {
    results: r.body.mutations.map((m) => ({ id: m.id, status: 'applied' })),
    cursor: 0
  })
}

describe('SyncEngine failure handling', () => {
  let dir: string
  let store: LocalStore
  let timers: ManualTimers
  let sockets: FakeSockets
  const events: { name: WorkerEventName; payload: unknown }[] = []

  beforeEach(async () => {
    dir = await makeStoreDir()
    store = await openTestStore(dir)
    timers = new ManualTimers()
    sockets = new FakeSockets()
    events.length = 0
  })
  afterEach(async () => {
    await store.close()
    await removeStoreDir(dir)
  })

  function engineWith(respond: Parameters<typeof scriptedFetch>[0]) {
    const scripted = scriptedFetch(respond)
    const engine = new SyncEngine({
      store,
      serverUrl: 'http://127.0.0.1:9',
      tokens: { accessToken: 'access-1', refreshToken: 'refresh-1' },
      fetch: scripted.fetch,
      createSocket: sockets.factory,
      timers,
      random: () => 0.5,
      emit: (name, payload) => events.push({ name, payload })
    })
    return { engine, requests: scripted.requests }
  }

  const write = (n: number) =>
    createComplaint(store, {
      customerId: null,
      callId: null,
      category: 'other',
      description: `Queja ${n}`
    })

  it('grows the backoff ceiling exponentially up to about 30 s, with full jitter', () => {
    expect(backoffDelay(0, () => 0.999)).toBe(499)
    expect(backoffDelay(3, () => 0.999)).toBe(3996)
    expect(backoffDelay(20, () => 0.999)).toBe(29_970)
    expect(backoffDelay(20, () => 0)).toBe(0)
  })

  it('retries a 503 with growing delays and keeps every write pending', async () => {
    await write(1)
    const { engine } = engineWith(() =>
      json(503, { error: { code: 'unavailable', message: 'down' } })
    )
    const first = await engine.syncNow()
    expect(first).toMatchObject({ pending: 1, lastError: { code: 'unavailable', message: 'down' } })
    expect(timers.pendingDelays()).toEqual([250])
    timers.fireAll()
    await engine.syncNow()
    expect(timers.pendingDelays()).toEqual([250 * 2 ** 2])
    await engine.stop()
  })

  it('lets local writes wait for the scheduled retry while backing off, so the delays keep growing', async () => {
    await write(1)
    let isDown = true
    const { engine, requests } = engineWith((r) => (isDown ? json(503, {}) : appliedAll(r)))
    // The first write after a working pass goes at once; it fails and the backoff starts.
    engine.afterLocalWrite()
    await engine.syncNow()
    expect(requests.filter(isPush)).toHaveLength(2)
    expect(timers.pendingDelays()).toEqual([250 * 2])
    for (let i = 2; i <= 20; i++) {
      await write(i)
      engine.afterLocalWrite()
    }
    // Twenty writes later: no new request, the same retry timer still waiting.
    expect(requests.filter(isPush)).toHaveLength(2)
    expect(timers.pendingDelays()).toEqual([250 * 2])
    timers.fireAll()
    await engine.syncNow()
    expect(requests.filter(isPush)).toHaveLength(4)
    expect(timers.pendingDelays()).toEqual([250 * 2 ** 3])

    isDown = false
    timers.fireAll()
    await vi.waitFor(() => {
      expect(engine.status()).toMatchObject({ pending: 0, lastError: null })
    })
    // Back to normal: a write pushes at once again.
    await write(21)
    engine.afterLocalWrite()
    await vi.waitFor(() => {
      expect(engine.status().pending).toBe(0)
    })
    expect(timers.pendingDelays()).toEqual([])
    await engine.stop()
  })

  it('runs once more for a write that arrived while a retry was pulling, when it succeeds', async () => {
    await write(1)
    let isDown = true
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const { engine, requests } = engineWith(async (r) => {
      if (isDown) return json(503, {})
      if (!isPush(r)) await gate
      return appliedAll(r)
    })
    await engine.syncNow()
    isDown = false
    timers.fireAll()
    // The retry has pushed and is pulling: this write was not in its push.
    await vi.waitFor(() => {
      expect(requests.filter((r) => !isPush(r))).toHaveLength(1)
    })
    expect(requests.filter(isPush)).toHaveLength(2)
    await write(2)
    engine.afterLocalWrite()
    release()
    await vi.waitFor(() => {
      expect(engine.status()).toMatchObject({ pending: 0, lastError: null })
    })
    expect(requests.filter(isPush)).toHaveLength(3)
    await engine.stop()
  })

  it('retries at once when the realtime socket reconnects', async () => {
    await write(1)
    let isDown = true
    const { engine, requests } = engineWith((r) => (isDown ? json(502, {}) : appliedAll(r)))
    engine.start()
    await engine.syncNow()
    expect(engine.status().pending).toBe(1)
    isDown = false
    sockets.last.handlers.onOpen()
    await engine.syncNow()
    expect(engine.status()).toMatchObject({ pending: 0, isLive: true, lastError: null })
    expect(requests.filter(isPush).length).toBeGreaterThanOrEqual(2)
    await engine.stop()
  })

  it('pushes the outbox in order, in batches of at most MAX_MUTATIONS_PER_PUSH', async () => {
    const total = MAX_MUTATIONS_PER_PUSH * 2 + 5
    const written: string[] = []
    for (let i = 0; i < total; i++) written.push((await write(i)).id)
    const { engine, requests } = engineWith(appliedAll)
    const status = await engine.syncNow()
    const pushes = requests.filter(isPush)
    expect(pushes.map((p) => p.body.mutations.length)).toEqual([200, 200, 5])
    expect(
      pushes.flatMap((p) => p.body.mutations.map((m) => mutationSchema.parse(m).args.id))
    ).toEqual(written)
    expect(new Set(pushes.map((p) => p.body.clientId))).toEqual(new Set([store.clientId]))
    expect(status.pending).toBe(0)
    expect(events.some((e) => e.name === 'data:changed')).toBe(true)
  })

  it('refreshes once on a 401 and repeats the request with the new token', async () => {
    await write(1)
    const { engine, requests } = engineWith((r) => {
      if (r.url.endsWith('/api/auth/refresh')) {
        return json(200, {
          accessToken: 'access-2',
          refreshToken: 'refresh-2',
          expiresIn: 900,
          user: USER
        })
      }
      return r.authorization === 'Bearer access-1' ? json(401, {}) : appliedAll(r)
    })
    const status = await engine.syncNow()
    expect(status).toMatchObject({ pending: 0, lastError: null })
    expect(requests.filter((r) => r.url.endsWith('/api/auth/refresh'))).toHaveLength(1)
    expect(events.filter((e) => e.name === 'auth:tokens-changed')).toEqual([
      {
        name: 'auth:tokens-changed',
        payload: { accessToken: 'access-2', refreshToken: 'refresh-2' }
      }
    ])
  })

  it('records a push answered without results as an error and retries it later, not at once', async () => {
    await write(1)
    const { engine, requests } = engineWith((r) =>
      isPush(r) ? json(200, { results: [], cursor: 0 }) : json(200, emptyPull)
    )
    const status = await engine.syncNow()
    expect(status).toMatchObject({ pending: 1, lastError: { code: 'internal' } })
    expect(requests.filter(isPush)).toHaveLength(1)
    // One backoff timer, no immediate loop: a pending write is retried without spinning.
    expect(timers.pendingDelays()).toHaveLength(1)
  })

  it('treats a push answer cut off mid-body as a network failure and retries it', async () => {
    await write(1)
    const { engine, requests } = engineWith((r) =>
      isPush(r)
        ? new Response('{"results":[{"id":', {
            status: 200,
            headers: { 'content-type': 'application/json' }
          })
        : json(200, emptyPull)
    )
    const status = await engine.syncNow()
    expect(status).toMatchObject({ pending: 1, lastError: { code: 'unavailable' } })
    expect(requests.filter(isPush)).toHaveLength(1)
    expect(timers.pendingDelays()).toHaveLength(1)
  })

  it('pages a pull until hasMore is false and stores the cursor with the rows', async () => {
    let page = 0
    const { engine } = engineWith((r) => {
      // The first pass loads the cache in one stream, which ends at cursor 5.
      if (isBulkPull(r)) return ndjson([{ cursor: 5 }])
      page++
      return json(200, { changes: [], cursor: 5 + page * 10, hasMore: page < 3 })
    })
    const status = await engine.syncNow()
    expect(page).toBe(3)
    expect(status.cursor).toBe(35)
    expect(store.cursor).toBe(35)
  })
})
