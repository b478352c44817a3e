/**
 * Network faults between the data worker's sync engine and the real central server: a push
 * response cut mid-transfer by a TCP proxy, a long outage during which the agent keeps writing,
 * and a whole offline shift (three kinds of records, the app restarted in the middle). Records
 * are counted on both ends: nothing lost, nothing doubled.
 */
import { randomUUID } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { LocalComplaint } from '@shared/contract/worker'
import { CuttingProxy } from '../support/cutting-proxy'
import { makeStoreDir, removeStoreDir } from '../support/worker-node-files'
import { TestServer } from '../support/worker-server'
import { openTestStore } from '../support/worker-store'
import { startEngine } from '../support/worker-sync'
import { recordAgentState } from '@renderer/workers/data/agent-state/commands'
import { createComplaint } from '@renderer/workers/data/complaints/commands'
import { listComplaints } from '@renderer/workers/data/complaints/rows'
import { recordInteraction } from '@renderer/workers/data/interactions/commands'

const complaint = (description: string) =>
  ({ customerId: null, callId: null, category: 'delivery', description }) as const

describe('network faults during sync', () => {
  let server: TestServer
  let proxy: CuttingProxy
  const dirs: string[] = []

  beforeAll(async () => {
    server = await TestServer.create()
    await server.start()
    proxy = await CuttingProxy.start(Number(new URL(server.url).port))
  }, 120_000)

  afterAll(async () => {
    await proxy.close()
    await server.close()
    for (const dir of dirs) await removeStoreDir(dir)
  })

  async function clientThrough(url: string) {
    const dir = await makeStoreDir()
    dirs.push(dir)
    const store = await openTestStore(dir)
    const { accessToken, refreshToken } = await server.login('bruno')
    const tokens = { accessToken, refreshToken }
    const harness = startEngine({ store, serverUrl: url, tokens })
    return { store, harness, dir, tokens }
  }

  async function countOnServer(table: 'interactions' | 'agent_states', ids: readonly string[]) {
    const rows = await server.db.query<{ id: string; n: number }>(
      `SELECT id, count(*)::int AS n FROM ${table}
       WHERE id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb)) GROUP BY id`,
      [JSON.stringify(ids)]
    )
    return rows
  }

  async function expectOnServerOnce(written: readonly LocalComplaint[]): Promise<void> {
    const counts = await server.complaintCounts(written.map((c) => c.id))
    expect(counts.size).toBe(written.length)
    expect([...counts.values()].every((n) => n === 1)).toBe(true)
  }

  it('re-sends a push whose response was cut mid-transfer, and the server applies it once', async () => {
    const { store, harness } = await clientThrough(proxy.url)
    await harness.engine.syncNow()
    proxy.cutNextResponseTo('POST /api/sync/push')
    const written: LocalComplaint[] = []
    for (let i = 0; i < 150; i++)
      written.push(await createComplaint(store, complaint(`Corte ${i}`)))
    harness.engine.trigger()
    await vi.waitFor(
      () => {
        expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
      },
      { timeout: 60_000, interval: 50 }
    )
    expect(proxy.cuts).toBe(1)
    await expectOnServerOnce(written)
    expect(
      listComplaints(store.db, null, 200).filter((c) => c.syncState === 'synced')
    ).toHaveLength(150)
    await harness.engine.stop()
    await store.close()
  })

  it('keeps 1,000 complaints written during an outage and delivers each once when the server is back', async () => {
    const { store, harness } = await clientThrough(server.url)
    await harness.engine.syncNow()
    await server.stop()
    const marker = randomUUID().slice(0, 6)
    const written: LocalComplaint[] = []
    for (let i = 0; i < 1000; i++) {
      written.push(await createComplaint(store, complaint(`Apagón ${marker} ${i}`)))
      // The worker triggers a pass after every write; each one fails and backs off.
      harness.engine.trigger()
    }
    expect(store.outboxCounts().pending).toBe(1000)
    expect((await harness.engine.syncNow()).lastError?.code).toBe('unavailable')

    await server.start()
    // No nudge from the test: the engine's own backoff retry or realtime reconnection must
    // deliver everything.
    await vi.waitFor(
      () => {
        expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
      },
      { timeout: 90_000, interval: 200 }
    )
    await expectOnServerOnce(written)
    await harness.engine.stop()
    await store.close()
  }, 150_000)

  it('delivers an offline shift of 1,000 records of three kinds once each, across an app restart', async () => {
    const first = await clientThrough(server.url)
    await first.harness.engine.syncNow()
    await server.stop()
    const complaints: LocalComplaint[] = []
    const calls: string[] = []
    const states: string[] = []
    const shiftStart = Date.now() - 8 * 3600_000
    const at = (minutes: number) => new Date(shiftStart + minutes * 60_000).toISOString()
    let store = first.store
    let harness = first.harness
    for (let i = 0; i < 1000; i++) {
      if (i === 500) {
        // The agent closes the app halfway through the outage and opens it again.
        await harness.engine.stop()
        await store.close()
        store = await openTestStore(first.dir)
        // The page keeps the session's tokens across a restart of the app.
        harness = startEngine({ store, serverUrl: server.url, tokens: first.tokens })
      }
      if (i % 3 === 0) {
        complaints.push(await createComplaint(store, complaint(`Turno sin red ${i}`)))
      } else if (i % 3 === 1) {
        const call = await recordInteraction(store, {
          callId: `offline-${i}`,
          direction: 'inbound',
          remoteNumber: '+34612345678',
          remoteE164: '+34612345678',
          customerId: null,
          ringAt: at(i),
          answeredAt: at(i),
          endedAt: at(i + 0.5),
          holdSeconds: 0,
          result: 'answered',
          endedBy: 'remote'
        })
        calls.push(call.id)
      } else {
        const state = await recordAgentState(store, {
          state: i % 2 === 0 ? 'ready' : 'wrap_up',
          pauseReason: null,
          since: at(i)
        })
        states.push(state.id)
      }
      harness.engine.trigger()
    }
    expect(store.outboxCounts().pending).toBe(1000)

    await server.start()
    await vi.waitFor(
      () => {
        expect(store.outboxCounts()).toEqual({ pending: 0, rejected: 0 })
      },
      { timeout: 120_000, interval: 200 }
    )
    await expectOnServerOnce(complaints)
    const callCounts = await countOnServer('interactions', calls)
    expect(callCounts).toHaveLength(calls.length)
    expect(callCounts.every((r) => r.n === 1)).toBe(true)
    const stateCounts = await countOnServer('agent_states', states)
    expect(stateCounts).toHaveLength(states.length)
    expect(stateCounts.every((r) => r.n === 1)).toBe(true)
    await harness.engine.stop()
    await store.close()
  }, 200_000)
})
