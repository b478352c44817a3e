/**
 * The data worker's dispositions and callbacks against the real server: written offline, kept
 * across a restart of the store, pushed once when the server is back, and read back synced;
 * a teammate's callback assigned to this agent arrives by pull in "my callbacks".
 */
import { randomUUID } from 'node:crypto'

import { expect, it } from 'vitest'

import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol'
import { createTestDatabase } from '../support/server-db'
import { describeOnEngines } from '@support/engine-suite'
import { useTestServer } from '../support/worker-server'
import { openTestStore, useSharedStoreDir } from '../support/worker-store'
import { startEngine } from '../support/worker-sync'
import { completeCallback, scheduleCallback } from '@renderer/workers/data/callbacks/commands'
import { myOpenCallbacks } from '@renderer/workers/data/callbacks/rows'
import { recordDisposition } from '@renderer/workers/data/dispositions/commands'
import { dispositionForCall } from '@renderer/workers/data/dispositions/rows'
import { recordInteraction } from '@renderer/workers/data/interactions/commands'

describeOnEngines('dispositions and callbacks in the worker on %s', (engine) => {
  const { server, tokens, userId } = useTestServer({
    users: ['ana'],
    database: () => createTestDatabase(engine)
  })
  const dir = useSharedStoreDir()

  it('writes a call’s disposition and a callback offline, survives a restart, and syncs each once', async () => {
    const anaId = userId('ana')
    await server.stop()
    const callId = `call-${randomUUID()}`
    let store = await openTestStore(dir())
    const now = Date.now()
    const interaction = await recordInteraction(store, {
      callId,
      direction: 'inbound',
      remoteNumber: '612 34 56 78',
      remoteE164: '+34612345678',
      customerId: null,
      ringAt: new Date(now - 120_000).toISOString(),
      answeredAt: new Date(now - 115_000).toISOString(),
      endedAt: new Date(now - 5_000).toISOString(),
      holdSeconds: 0,
      result: 'answered',
      endedBy: 'remote'
    })
    const input = { callId, practice: false, code: 'dropped', note: 'Se cortó', customerId: null }
    const disposition = await recordDisposition(store, input, anaId)
    expect(disposition).toMatchObject({ interactionId: interaction.id, syncState: 'pending' })
    await expect(recordDisposition(store, input, anaId)).rejects.toThrow(
      'already has a disposition'
    )
    const callback = await scheduleCallback(
      store,
      {
        customerId: null,
        contactName: 'José Núñez',
        phoneE164: '+34612345678',
        dueAt: new Date(now + 3_600_000).toISOString(),
        note: 'Terminar la gestión',
        practice: false,
        callId
      },
      anaId
    )
    expect(callback).toMatchObject({ assigneeId: anaId, status: 'open', syncState: 'pending' })
    expect(myOpenCallbacks(store.db, anaId, 10).map((c) => c.id)).toEqual([callback.id])
    await completeCallback(store, callback.id)
    expect(myOpenCallbacks(store.db, anaId, 10)).toEqual([])
    await store.close()

    store = await openTestStore(dir())
    const harness = startEngine({ store, serverUrl: server.url, tokens: tokens('ana') })
    try {
      expect(dispositionForCall(store.db, callId, anaId)?.id).toBe(disposition.id)
      expect(store.outboxCounts().pending).toBe(4)
      await server.start()
      const status = await harness.engine.syncNow()
      expect(status).toMatchObject({ pending: 0, rejected: 0, lastError: null })
      const rows = await server.db.query<{ n: number }>(
        `SELECT (SELECT count(*)::int FROM dispositions WHERE interaction_id = $1) +
                (SELECT count(*)::int FROM callbacks WHERE id = $2 AND status = 'done') AS n`,
        [interaction.id, callback.id]
      )
      expect(rows[0]?.n).toBe(2)
      expect(dispositionForCall(store.db, callId, anaId)).toMatchObject({ syncState: 'synced' })
      expect(myOpenCallbacks(store.db, anaId, 10)).toEqual([])
    } finally {
      await harness.engine.stop()
      await store.close()
    }
  })

  it('brings a callback a teammate assigned to this agent into "my callbacks"', async () => {
    const anaId = userId('ana')
    const bruno = await server.login('bruno')
    const id = randomUUID()
    const response = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${bruno.accessToken}`,
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION)
      },
      body: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        clientId: randomUUID(),
        mutations: [
          {
            id: randomUUID(),
            name: 'callback.schedule',
            args: {
              id,
              customerId: null,
              contactName: 'Marta Gil',
              phoneE164: '+34911234567',
              dueAt: new Date(Date.now() - 60_000).toISOString(),
              note: '',
              assigneeId: anaId,
              practice: false,
              callId: null,
              createdAt: new Date().toISOString()
            }
          }
        ]
      })
    })
    expect(response.status).toBe(200)
    const store = await openTestStore(dir())
    const harness = startEngine({ store, serverUrl: server.url, tokens: tokens('ana') })
    try {
      await harness.engine.syncNow()
      expect(myOpenCallbacks(store.db, anaId, 10)).toMatchObject([
        { id, contactName: 'Marta Gil', status: 'open', syncState: 'synced' }
      ])
    } finally {
      await harness.engine.stop()
      await store.close()
    }
  })
})
