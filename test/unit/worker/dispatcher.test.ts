/// <reference types="node" />
import { randomUUID } from 'node:crypto'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createRoutes, dispatch, type Routes } from '@renderer/workers/data/dispatcher'
import { SessionHost } from '@renderer/workers/data/session/session-host'
import type { ReleaseLock } from '@renderer/workers/data/store/store-lock'
import { FakeSockets, json, ManualTimers, scriptedFetch } from '../../support/worker-fakes'
import { makeStoreDir, NodeDurableFiles, removeStoreDir } from '../../support/worker-node-files'
import { loadSql } from '../../support/worker-store'

const user = {
  id: '0b6d7f7e-55b3-4d3c-9d1e-1c2b3a4d5e6f',
  username: 'ana',
  displayName: 'Ana',
  role: 'agent' as const,
  teamId: null
}
const openArgs = {
  user,
  serverUrl: 'http://127.0.0.1:9',
  tokens: { accessToken: 'a', refreshToken: 'r' }
}

/** Web Locks stand-in: one holder per name, like `ifAvailable: true`. */
function lockRegistry() {
  const held = new Set<string>()
  return async (name: string): Promise<ReleaseLock | null> => {
    await Promise.resolve()
    if (held.has(name)) return null
    held.add(name)
    return () => held.delete(name)
  }
}

describe('worker dispatcher and session host', () => {
  let dir: string
  let acquireLock: ReturnType<typeof lockRegistry>
  const hosts: SessionHost[] = []

  function routes(): Routes {
    const host = new SessionHost({
      loadSql,
      filesFor: () => Promise.resolve(new NodeDurableFiles(dir)),
      acquireLock,
      // The server is unreachable: these tests are about the worker's edge, not sync.
      fetch: scriptedFetch(() => json(503, {})).fetch,
      createSocket: new FakeSockets().factory,
      timers: new ManualTimers(),
      random: () => 0.5,
      emit: () => undefined,
      newId: () => randomUUID(),
      now: () => new Date()
    })
    hosts.push(host)
    return createRoutes(host)
  }

  beforeEach(async () => {
    dir = await makeStoreDir()
    acquireLock = lockRegistry()
  })
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.close()
    await removeStoreDir(dir)
  })

  it('answers unavailable before a session is open', async () => {
    const result = await routes()['customer:search']({ query: 'jose', limit: 5 })
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })

  it('refuses invalid arguments with invalid_argument, never a raw error', async () => {
    const r = routes()
    expect(await r['session:open']({ ...openArgs, serverUrl: 'ftp://x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' }
    })
    await r['session:open'](openArgs)
    const tooShort = await r['complaint:create']({
      customerId: null,
      callId: null,
      category: 'billing',
      description: 'x'
    })
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })

  it('writes through the session and keeps the write after close and reopen', async () => {
    const r = routes()
    expect(await r['session:open'](openArgs)).toEqual({
      ok: true,
      data: { customers: 0, cursor: 0, restoredWrites: 0 }
    })
    const created = await r['complaint:create']({
      customerId: null,
      callId: 'c-1',
      category: 'delivery',
      description: 'El pedido no llegó'
    })
    expect(created).toMatchObject({ ok: true, data: { complaint: { syncState: 'pending' } } })
    expect(await r['sync:status']({})).toMatchObject({ ok: true, data: { pending: 1 } })
    expect(await r['session:close']({})).toEqual({ ok: true, data: { closed: true } })

    const again = routes()
    // The close wrote a snapshot, so nothing needs replaying.
    expect(await again['session:open'](openArgs)).toMatchObject({
      ok: true,
      data: { restoredWrites: 0 }
    })
    const list = await again['complaint:list']({ customerId: null, limit: 10 })
    expect(list).toMatchObject({
      ok: true,
      data: { complaints: [{ description: 'El pedido no llegó' }] }
    })
  })

  it('refuses typed text with a control character naming the field, and cleans signalled text', async () => {
    const r = routes()
    await r['session:open'](openArgs)
    const pasted = await dispatch(r, 'complaint:create', {
      customerId: null,
      callId: null,
      category: 'billing',
      description: 'Pegado\u0000 de otra app'
    })
    expect(pasted).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'description: contains a control character',
        details: { unsafeText: [{ field: 'description', flaw: 'control' }] }
      }
    })
    expect(await r['sync:status']({})).toMatchObject({ ok: true, data: { pending: 0 } })

    // A caller's number is what the network signalled: kept for the record, cleaned.
    const call = await dispatch(r, 'interaction:record', {
      callId: 'c-9',
      direction: 'inbound',
      remoteNumber: '612\u0000 34\ud800',
      remoteE164: null,
      customerId: null,
      ringAt: '2026-12-01T10:00:00.000Z',
      answeredAt: null,
      endedAt: '2026-12-01T10:00:09.000Z',
      holdSeconds: 0,
      result: 'missed',
      endedBy: 'remote'
    })
    expect(call).toMatchObject({
      ok: true,
      data: { interaction: { remoteNumber: '612 34\ufffd' } }
    })
  })

  it('lets only one tab own a user store', async () => {
    expect(await routes()['session:open'](openArgs)).toMatchObject({ ok: true })
    const second = await routes()['session:open'](openArgs)
    expect(second).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })
})
