/// <reference types="node" />
/**
 * One record must never stop an agent's sync (issue 14), on a real store with a scripted server:
 * pushes sized in bytes, failure answers isolated by pushing singly, attempts counted only on
 * answers, stuck records and the ones that wait with them, `syncNow()` releasing them, and a
 * pull page with a change this build cannot read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { MAX_PUSH_ATTEMPTS } from '@renderer/workers/data/sync/outbox'
import { SyncEngine } from '@renderer/workers/data/sync/engine'
import {
  createComplaint,
  discardRejectedComplaint,
  transitionComplaint
} from '@renderer/workers/data/complaints/commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { createCustomer } from '@renderer/workers/data/customers/commands'
import { getCustomer } from '@renderer/workers/data/customers/queries'
import {
  MAX_PUSH_BYTES,
  mutationSchema,
  type Mutation,
  type PushRequest
} from '@shared/sync/protocol'
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
import { customer, openTestStore } from '@support/worker-store'

function isPush(r: RecordedRequest): r is RecordedRequest & { body: PushRequest } {
  return r.url.endsWith('/api/sync/push')
}

const pushed = (r: RecordedRequest & { body: PushRequest }): Mutation[] =>
  r.body.mutations.map((m) => mutationSchema.parse(m))

/** A server that fails with `status` any push holding a mutation `isBad` picks, else applies. */
function serverFailing(isBad: (m: Mutation) => boolean, status: () => number) {
  return (r: RecordedRequest): Response => {
    if (isBulkPull(r)) return ndjson([{ cursor: 0 }])
    if (!isPush(r)) return json(200, emptyPull)
    const mutations = pushed(r)
    if (mutations.some(isBad)) {
      const code = status() === 400 ? 'invalid_argument' : 'internal'
      return json(status(), { error: { code, message: `refused with ${status()}` } })
    }
    return json(200, {
      results: mutations.map((m) => ({ id: m.id, status: 'applied' })),
      cursor: 0
    })
  }
}

describe('sync with a poisoned record', () => {
  let dir: string
  let store: LocalStore
  let timers: ManualTimers

  beforeEach(async () => {
    dir = await makeStoreDir()
    store = await openTestStore(dir)
    timers = new ManualTimers()
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
      createSocket: new FakeSockets().factory,
      timers,
      random: () => 0.5,
      emit: () => undefined
    })
    return { engine, requests: scripted.requests }
  }

  /** One scheduled retry, as the engine's backoff runs it (never `syncNow`, which releases). */
  async function retryPass(engine: SyncEngine): Promise<void> {
    expect(timers.pendingDelays()).toHaveLength(1)
    timers.fireAll()
    await engine.whenIdle()
  }

  const complaint = (description: string, customerId: string | null = null) =>
    createComplaint(store, { customerId, callId: null, category: 'other', description })

  const descriptions = (requests: RecordedRequest[]) =>
    requests
      .filter(isPush)
      .map((r) =>
        pushed(r).map((m) => (m.name === 'complaint.create' ? m.args.description : m.name))
      )

  it('sizes pushes in bytes: 200 complaints of 4,000 characters go in several pushes', async () => {
    for (let i = 0; i < 200; i++)
      await complaint(`${String(i).padStart(3, '0')} ${'ñ'.repeat(3995)}`)
    const { engine, requests } = engineWith(
      serverFailing(
        () => false,
        () => 500
      )
    )
    const status = await engine.syncNow()
    const pushes = requests.filter(isPush)
    expect(status).toMatchObject({ pending: 0, rejected: 0, stuck: 0, lastError: null })
    expect(pushes.length).toBeGreaterThan(2)
    for (const push of pushes) {
      const bytes = new TextEncoder().encode(JSON.stringify(push.body.mutations)).byteLength
      expect(bytes).toBeLessThanOrEqual(MAX_PUSH_BYTES)
    }
    // In write order, each once.
    expect(
      descriptions(requests)
        .flat()
        .map((d) => d.slice(0, 3))
    ).toEqual(Array.from({ length: 200 }, (_, i) => String(i).padStart(3, '0')))
  })

  it('always answers one mutation at least, however small the byte budget', async () => {
    await complaint('antes')
    await complaint('grande')
    await complaint('después')
    const { engine, requests } = engineWith(
      serverFailing(
        () => false,
        () => 500
      )
    )
    // The store answers with one mutation when even the first is over the budget.
    expect(store.pendingMutations(200, 1)).toHaveLength(1)
    await engine.syncNow()
    expect(requests.filter(isPush)).toHaveLength(1)
  })

  it('rejects at once a mutation answered 400 alone, after pushing the batch singly', async () => {
    await complaint('buena uno')
    const bad = await complaint('la mala')
    await complaint('buena dos')
    await complaint('buena tres')
    const { engine, requests } = engineWith(
      serverFailing(
        (m) => m.name === 'complaint.create' && m.args.id === bad.id,
        () => 400
      )
    )
    const status = await engine.syncNow()
    expect(descriptions(requests)).toEqual([
      ['buena uno', 'la mala', 'buena dos', 'buena tres'],
      ['buena uno'],
      ['la mala'],
      // Found: the rest goes as a batch again.
      ['buena dos', 'buena tres']
    ])
    expect(status).toMatchObject({ pending: 0, rejected: 1, stuck: 0, lastError: null })
    const rejected = listComplaints(store.db, null, 10).find((c) => c.id === bad.id)
    expect(rejected).toMatchObject({ syncState: 'rejected', rejectReason: 'refused with 400' })
    expect(await discardRejectedComplaint(store, bad.id)).toBe(true)
  })

  it('counts only answers as attempts: outages never make a record stuck', async () => {
    await complaint('la mala')
    let answer = 503
    const { engine, requests } = engineWith((r) => {
      if (isPush(r) && answer === 0) throw new TypeError('fetch failed')
      return isPush(r) || isBulkPull(r)
        ? serverFailing(
            () => true,
            () => answer
          )(r)
        : json(200, emptyPull)
    })
    await engine.syncNow()
    for (const outage of [0, 502, 503, 504, 429, 408, 0, 503]) {
      answer = outage
      for (let i = 0; i < MAX_PUSH_ATTEMPTS; i++) await retryPass(engine)
    }
    expect(engine.status()).toMatchObject({ pending: 1, stuck: 0 })
    answer = 500
    for (let i = 1; i < MAX_PUSH_ATTEMPTS; i++) await retryPass(engine)
    expect(engine.status()).toMatchObject({ pending: 1, stuck: 0 })
    await retryPass(engine)
    expect(engine.status()).toMatchObject({
      pending: 0,
      stuck: 1,
      stuckReason: { message: 'refused with 500' }
    })
    expect(requests.filter(isPush).length).toBeGreaterThan(40)
  })

  it('isolates a 500 by pushing singly, makes it stuck after 5 answers; the rest flows, its dependants wait', async () => {
    await complaint('antes')
    const ana = await createCustomer(store, {
      firstName: 'Ana',
      lastName: 'Pérez',
      phoneE164: '+34600111222',
      email: null,
      preferredLanguage: 'es'
    })
    const hers = await complaint('de Ana', ana.id)
    // Transitively: a step on her complaint names the complaint, not the customer.
    await transitionComplaint(store, { complaintId: hers.id, action: 'start', note: null })
    await complaint('después')
    let isFixed = false
    const { engine, requests } = engineWith(
      serverFailing(
        (m) => !isFixed && m.name === 'customer.create',
        () => 500
      )
    )
    const first = await engine.syncNow()
    expect(descriptions(requests)).toEqual([
      ['antes', 'customer.create', 'de Ana', 'complaint.transition', 'después'],
      ['antes'],
      ['customer.create']
    ])
    // The server answered, so the pull still ran.
    expect(requests.filter((r) => new URL(r.url).pathname === '/api/sync/pull')).toHaveLength(1)
    // Not stuck yet: order is kept, the pass fails and the engine backs off.
    expect(first).toMatchObject({
      pending: 4,
      stuck: 0,
      lastError: { message: 'refused with 500' }
    })
    for (let i = 1; i < MAX_PUSH_ATTEMPTS; i++) await retryPass(engine)
    expect(descriptions(requests).slice(3)).toEqual([
      ['customer.create'],
      ['customer.create'],
      ['customer.create'],
      // Stuck: the one that does not need it goes on; hers and its step wait.
      ['customer.create'],
      ['después']
    ])
    expect(engine.status()).toMatchObject({
      pending: 2,
      stuck: 1,
      stuckReason: { code: 'internal', message: 'refused with 500' },
      lastError: null
    })
    expect(timers.pendingDelays()).toEqual([])
    // A pass of the engine's own (a write, a poke) leaves them aside without asking the server.
    await complaint('otra')
    engine.trigger()
    await engine.whenIdle()
    expect(descriptions(requests).at(-1)).toEqual(['otra'])
    expect(engine.status()).toMatchObject({ pending: 2, stuck: 1 })
    // The user's "sync now" releases it: fixed on the server, everything goes, in order.
    isFixed = true
    const before = requests.filter(isPush).length
    expect(await engine.syncNow()).toMatchObject({ pending: 0, stuck: 0, rejected: 0 })
    expect(descriptions(requests.filter(isPush).slice(before))).toEqual([
      ['customer.create', 'de Ana', 'complaint.transition']
    ])
  })

  it('applies the rest of a pull page when one change cannot be read, and moves the cursor', async () => {
    const good = customer({ firstName: 'Lucía' })
    const other = customer({ firstName: 'Marta' })
    const { engine } = engineWith((r) => {
      if (isBulkPull(r)) return ndjson([{ cursor: 0 }])
      if (new URL(r.url).searchParams.get('cursor') !== '0') return json(200, emptyPull)
      return json(200, {
        changes: [
          { seq: 1, entity: 'customer', data: good },
          { seq: 2, entity: 'customer', data: { ...other, tier: 42 } },
          { seq: 3, entity: 'customer_v9', data: {} },
          { seq: 4, entity: 'customer', data: other }
        ],
        cursor: 4,
        hasMore: false
      })
    })
    const status = await engine.syncNow()
    expect(status).toMatchObject({ cursor: 4, lastError: null })
    expect(getCustomer(store.db, good.id)?.firstName).toBe('Lucía')
    expect(getCustomer(store.db, other.id)?.firstName).toBe('Marta')
    expect(timers.pendingDelays()).toEqual([])
  })
})
