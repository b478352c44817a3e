/**
 * The hub's poke coalescing against a real (in-memory PGlite) LISTEN/NOTIFY. The sockets are
 * recorders implementing the hub's small socket interface; the real WebSocket path is covered by
 * test/integration/server/realtime.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Db } from '../../../src/server/db/db'
import { openPgliteDb } from '../../../src/server/db/pglite-db'
import { RealtimeHub, type RealtimeSocket } from '../../../src/server/realtime/realtime-hub'
import { CHANGES_CHANNEL } from '../../../src/server/sync/change-log'

function recordingSocket(): RealtimeSocket & { sent: string[] } {
  const sent: string[] = []
  return {
    sent,
    readyState: 1,
    OPEN: 1,
    send: (data) => sent.push(data),
    ping: () => undefined,
    close: () => undefined,
    on: () => undefined
  }
}

describe('RealtimeHub', () => {
  let db: Db
  beforeAll(async () => {
    db = await openPgliteDb('memory://')
  })
  afterAll(async () => {
    await db.close()
  })

  it('sends one poke with the newest cursor for a burst of changes', async () => {
    const hub = new RealtimeHub(1, 100)
    await hub.start(db)
    const socket = recordingSocket()
    hub.add(socket)
    for (const cursor of [5, 9, 7]) await db.notify(CHANGES_CHANNEL, String(cursor))
    await vi.waitFor(() => {
      expect(socket.sent.filter((m) => m.includes('poke'))).toEqual([
        JSON.stringify({ type: 'poke', cursor: 9 })
      ])
    })
    await db.notify(CHANGES_CHANNEL, '12')
    await vi.waitFor(() => {
      expect(socket.sent.at(-1)).toBe(JSON.stringify({ type: 'poke', cursor: 12 }))
    })
    await hub.stop()
  })
})
