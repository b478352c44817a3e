/// <reference types="node" />
/**
 * Records that need attention: every rejected or stuck outbox entry is listed with its reason
 * and a summary (even one with no local row, like a journal line from an older version), and one
 * rejected entry of any kind can be discarded, never a pending or stuck one, never a synced record.
 */
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { WorkerEvents } from '@shared/contract/worker'
import { createRoutes, dispatch } from '@renderer/workers/data/dispatcher'
import type { LocalStore } from '@renderer/workers/data/store/local-store'
import { MAX_PUSH_ATTEMPTS } from '@renderer/workers/data/sync/outbox'
import { SessionHost } from '@renderer/workers/data/session/session-host'
import {
  problemSummary,
  problemTime,
  SUMMARY_MAX_CHARS
} from '@renderer/workers/data/sync/problems'
import { UNREADABLE_MESSAGE } from '@renderer/workers/data/store/unreadable-entry'
import { completeCallback } from '@renderer/workers/data/callbacks/commands'
import { myOpenCallbacks } from '@renderer/workers/data/callbacks/rows'
import { createComplaint } from '@renderer/workers/data/complaints/commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { createCustomer } from '@renderer/workers/data/customers/commands'
import { recordInteraction } from '@renderer/workers/data/interactions/commands'
import { listInteractions } from '@renderer/workers/data/interactions/rows'
import type { Mutation } from '@shared/sync/protocol'
import { FakeSockets, json, ManualTimers, scriptedFetch } from '@support/worker-fakes'
import { makeStoreDir, NodeDurableFiles, removeStoreDir } from '@support/worker-node-files'
import { loadSql, TEST_USER_ID, useTestStores } from '@support/worker-store'

const NUL = String.fromCharCode(0)
const refused = { code: 'not_found', message: 'customer not found' } as const

const complaint = (description: string) =>
  ({ customerId: null, callId: null, category: 'billing', description }) as const

const call = {
  callId: 'c-1',
  direction: 'inbound',
  remoteNumber: '+34 612 345 678',
  remoteE164: '+34612345678',
  customerId: null,
  ringAt: '2026-12-01T10:00:00.000Z',
  answeredAt: '2026-12-01T10:00:03.000Z',
  endedAt: '2026-12-01T10:02:00.000Z',
  holdSeconds: 0,
  result: 'answered',
  endedBy: 'remote'
} as const

/** Has the server refuse the queued mutations `pick` chooses, as a push answer would. */
function reject(store: LocalStore, pick: (m: Mutation) => boolean): Mutation[] {
  const picked = store.pendingMutations(100).filter(pick)
  store.applyPushResults(
    [],
    picked.map((mutation) => ({ mutation, reason: refused }))
  )
  return picked
}

/** Counts failed answers on `mutation` until it is stuck. */
function makeStuck(store: LocalStore, mutation: Mutation): void {
  for (let i = 0; i < MAX_PUSH_ATTEMPTS; i++) {
    store.recordFailedAttempt(mutation, { code: 'internal', message: 'refused with 500' })
  }
}

describe('problemSummary', () => {
  it('takes the text a person recognises from each kind of record', () => {
    expect(problemSummary('complaint.create', { description: 'Cobro duplicado' })).toBe(
      'Cobro duplicado'
    )
    expect(
      problemSummary('customer.create', {
        firstName: 'Ana',
        lastName: 'Pérez',
        phoneE164: '+34600111222'
      })
    ).toBe('Ana Pérez · +34600111222')
    expect(problemSummary('callback.schedule', { contactName: 'Luis', phoneE164: '+3491' })).toBe(
      'Luis · +3491'
    )
    expect(problemSummary('interaction.record', call)).toBe('+34 612 345 678')
    expect(
      problemSummary('compensation.grant', { amount: 25, currency: 'EUR', reason: 'Retraso' })
    ).toBe('25 EUR · Retraso')
    expect(problemSummary('complaint.note', { note: 'Llamó otra vez' })).toBe('Llamó otra vez')
  })

  it('makes stored text one safe line and cuts it by characters', () => {
    expect(
      problemSummary('complaint.create', { description: `Pegado${NUL} con\ud800\r\nsalto` })
    ).toBe('Pegado con\ufffd salto')
    const long = problemSummary('complaint.create', { description: '😀'.repeat(200) })
    expect(Array.from(long ?? '')).toHaveLength(SUMMARY_MAX_CHARS)
    expect(long?.endsWith('😀…')).toBe(true)
  })

  it('trusts nothing about the shape of args an older version stored', () => {
    expect(problemSummary('complaint.create', null)).toBeNull()
    expect(problemSummary('complaint.create', ['Cobro'])).toBeNull()
    expect(problemSummary('complaint.create', { description: 42 })).toBe('42')
    expect(problemSummary('complaint.create', { description: { text: 'x' } })).toBeNull()
    expect(problemSummary('customer.create', { firstName: '  ', lastName: '' })).toBeNull()
    expect(problemSummary('complaint.v9', { description: 'nueva' })).toBeNull()
    expect(problemSummary('agent_state.record', { state: 'ready' })).toBeNull()
  })

  it('reads when the record was written, if its args say so readably', () => {
    expect(problemTime({ createdAt: '2026-12-01T10:00:00Z' })).toBe('2026-12-01T10:00:00.000Z')
    expect(problemTime({ since: 'ayer', endedAt: '2026-12-01T10:00:00.000Z' })).toBe(
      '2026-12-01T10:00:00.000Z'
    )
    expect(problemTime({ createdAt: 'ayer' })).toBeNull()
    expect(problemTime('2026-12-01')).toBeNull()
  })
})

describe('records that need attention', () => {
  const stores = useTestStores()

  it('lists rejected, unreadable and stuck entries oldest first with their reasons; pending ones not', async () => {
    // Written by an older version and unreadable here: no row, only the rejected entry.
    await (await stores.openStore()).close()
    const old = {
      id: randomUUID(),
      name: 'complaint.create',
      args: {
        id: randomUUID(),
        customerId: null,
        callId: `CALL-9${NUL}`,
        category: 'billing',
        description: 'Una queja antigua',
        createdAt: '2025-01-01T00:00:00.000Z'
      }
    }
    await writeFile(
      join(stores.dir(), `atiende-${TEST_USER_ID}-journal-00000090.jsonl`),
      `${JSON.stringify(old)}\n`
    )
    const store = await stores.openStore()
    const refusedOne = await createComplaint(store, complaint('Cliente inexistente'))
    await createComplaint(store, complaint('Sigue pendiente'))
    await createCustomer(store, {
      firstName: 'Ana',
      lastName: 'Pérez',
      phoneE164: '+34600111222',
      email: null,
      preferredLanguage: 'es'
    })
    reject(store, (m) => m.name === 'complaint.create' && m.args.id === refusedOne.id)
    const created = store.pendingMutations(100).find((m) => m.name === 'customer.create')
    if (!created) throw new Error('the contact is not queued')
    makeStuck(store, created)
    const [refusedEntry] = store.syncProblems().problems.filter((p) => !p.unreadable)

    const { problems, total } = store.syncProblems()
    expect(total).toBe(3)
    expect(problems).toMatchObject([
      {
        mutationId: old.id,
        name: 'complaint.create',
        state: 'rejected',
        reason: { code: 'invalid_argument', message: UNREADABLE_MESSAGE },
        unreadable: true,
        summary: 'Una queja antigua',
        at: '2025-01-01T00:00:00.000Z'
      },
      {
        mutationId: refusedEntry?.mutationId,
        name: 'complaint.create',
        state: 'rejected',
        reason: refused,
        unreadable: false,
        summary: 'Cliente inexistente',
        at: refusedOne.createdAt
      },
      {
        mutationId: created.id,
        name: 'customer.create',
        state: 'stuck',
        reason: { code: 'internal', message: 'refused with 500' },
        unreadable: false,
        summary: 'Ana Pérez · +34600111222'
      }
    ])
    // Bounded, oldest first; the total still counts them all.
    expect(store.syncProblems(1)).toMatchObject({ problems: [{ mutationId: old.id }], total: 3 })
  })

  it('discards an unreadable entry that has no row, durably', async () => {
    await (await stores.openStore()).close()
    const old = {
      id: randomUUID(),
      name: 'callback.schedule',
      args: { id: randomUUID(), contactName: 'Luis', phoneE164: `+34${NUL}600` }
    }
    await writeFile(
      join(stores.dir(), `atiende-${TEST_USER_ID}-journal-00000090.jsonl`),
      `${JSON.stringify(old)}\n`
    )
    const store = await stores.openStore()
    expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 1 })
    expect(await store.discardRejected(old.id)).toBe('callback.schedule')
    expect(store.syncProblems()).toEqual({ problems: [], total: 0 })
    // No close(): the journal line is still there; the snapshot must keep it discarded.
    const reopened = await stores.openStore()
    expect(reopened.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
  })

  it('discards a rejected call with its row, and never a pending or stuck entry', async () => {
    const store = await stores.openStore()
    const refusedCall = await recordInteraction(store, call)
    const kept = await recordInteraction(store, { ...call, callId: 'c-2' })
    const stuckOne = await createComplaint(store, complaint('Atascada'))
    const [rejected] = reject(
      store,
      (m) => m.name === 'interaction.record' && m.args.id === refusedCall.id
    )
    const queued = store.pendingMutations(100)
    const stuck = queued.find((m) => m.name === 'complaint.create')
    const pending = queued.find((m) => m.name === 'interaction.record')
    if (!rejected || !stuck || !pending) throw new Error('three entries expected')
    makeStuck(store, stuck)

    expect(await store.discardRejected(stuck.id)).toBeNull()
    expect(await store.discardRejected(pending.id)).toBeNull()
    expect(await store.discardRejected(randomUUID())).toBeNull()
    expect(store.syncProblems().total).toBe(2)

    expect(listInteractions(store.db, null, 10).map((i) => i.syncState)).toContain('rejected')
    expect(await store.discardRejected(rejected.id)).toBe('interaction.record')
    expect(listInteractions(store.db, null, 10).map((i) => i.id)).toEqual([kept.id])
    // Once only.
    expect(await store.discardRejected(rejected.id)).toBeNull()
    expect(store.syncProblems()).toMatchObject({
      problems: [{ mutationId: stuck.id, state: 'stuck', summary: 'Atascada' }],
      total: 1
    })
    expect(listComplaints(store.db, null, 10).map((c) => c.id)).toEqual([stuckOne.id])
  })

  it('discards a rejected complaint like the complaint discard does', async () => {
    const store = await stores.openStore()
    const gone = await createComplaint(store, complaint('Cliente inexistente'))
    const stays = await createComplaint(store, complaint('Sigue pendiente'))
    const [rejected] = reject(store, (m) => m.name === 'complaint.create' && m.args.id === gone.id)
    if (!rejected) throw new Error('no rejection')
    expect(await store.discardRejected(rejected.id)).toBe('complaint.create')
    expect(store.outboxCounts()).toEqual({ pending: 1, rejected: 0 })
    expect(listComplaints(store.db, null, 10).map((c) => c.id)).toEqual([stays.id])
  })

  it('never removes a synced callback when its refused completion is discarded: it reopens', async () => {
    const store = await stores.openStore()
    const id = randomUUID()
    store.applyPull(
      [
        {
          seq: 1,
          entity: 'callback',
          data: {
            id,
            customerId: null,
            contactName: 'Luis',
            phoneE164: '+34600111222',
            dueAt: '2026-12-01T12:00:00.000Z',
            note: '',
            assigneeId: TEST_USER_ID,
            practice: false,
            callId: null,
            createdAt: '2026-12-01T10:00:00.000Z',
            createdBy: randomUUID(),
            teamId: null,
            status: 'open',
            completedAt: null,
            completedBy: null
          }
        }
      ],
      1
    )
    await completeCallback(store, id)
    const [completion] = reject(store, (m) => m.name === 'callback.complete')
    if (!completion) throw new Error('no rejection')
    expect(store.syncProblems().problems).toMatchObject([
      { name: 'callback.complete', state: 'rejected', summary: null }
    ])
    expect(myOpenCallbacks(store.db, TEST_USER_ID, 10)).toEqual([])
    expect(await store.discardRejected(completion.id)).toBe('callback.complete')
    // The server still has it open: here too, as it was before the refused completion.
    expect(myOpenCallbacks(store.db, TEST_USER_ID, 10)).toMatchObject([
      { id, status: 'open', completedAt: null, syncState: 'synced' }
    ])
    expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
  })
})

describe('sync:problems and sync:discard at the worker edge', () => {
  let dir: string
  let host: SessionHost
  let events: { name: keyof WorkerEvents; payload: unknown }[]

  beforeEach(async () => {
    dir = await makeStoreDir()
    events = []
    host = new SessionHost({
      loadSql,
      filesFor: () => Promise.resolve(new NodeDurableFiles(dir)),
      acquireLock: () => Promise.resolve(() => undefined),
      // Unreachable: an outage counts no attempt, so only this test's answers change the outbox.
      fetch: scriptedFetch(() => json(503, {})).fetch,
      createSocket: new FakeSockets().factory,
      timers: new ManualTimers(),
      random: () => 0.5,
      emit: (name, payload) => events.push({ name, payload }),
      newId: () => randomUUID(),
      now: () => new Date()
    })
  })
  afterEach(async () => {
    await host.close()
    await removeStoreDir(dir)
  })

  it('lists and discards through the routes, and the views and counts refresh', async () => {
    const r = createRoutes(host)
    await r['session:open']({
      user: { id: TEST_USER_ID, username: 'ana', displayName: 'Ana', role: 'agent', teamId: null },
      serverUrl: 'http://127.0.0.1:9',
      tokens: { accessToken: 'a', refreshToken: 'r' }
    })
    await r['callback:schedule']({
      customerId: null,
      contactName: 'Luis Gómez',
      phoneE164: '+34600111222',
      dueAt: '2026-12-01T12:00:00.000Z',
      note: '',
      practice: false,
      callId: null
    })
    const [rejected] = reject(host.session.store, () => true)
    if (!rejected) throw new Error('no rejection')

    const listed = await dispatch(r, 'sync:problems', {})
    expect(listed).toMatchObject({
      ok: true,
      data: {
        problems: [
          {
            mutationId: rejected.id,
            name: 'callback.schedule',
            state: 'rejected',
            reason: refused,
            summary: 'Luis Gómez · +34600111222'
          }
        ],
        total: 1
      }
    })
    expect(await dispatch(r, 'sync:problems', { limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' }
    })
    expect(await dispatch(r, 'sync:discard', { mutationId: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' }
    })
    // An id with a control character is matched, not refused: an older version may have written it.
    expect(await dispatch(r, 'sync:discard', { mutationId: `x${NUL}` })).toEqual({
      ok: true,
      data: { discarded: false }
    })

    events.length = 0
    expect(await dispatch(r, 'sync:discard', { mutationId: rejected.id })).toEqual({
      ok: true,
      data: { discarded: true }
    })
    expect(events).toContainEqual({ name: 'data:changed', payload: { entities: ['callback'] } })
    expect(events.filter((e) => e.name === 'sync:status-changed').at(-1)).toMatchObject({
      payload: { rejected: 0 }
    })
    expect(await dispatch(r, 'sync:problems', {})).toEqual({
      ok: true,
      data: { problems: [], total: 0 }
    })
    expect(await r['callback:mine']({ limit: 10 })).toEqual({ ok: true, data: { callbacks: [] } })
  })
})
