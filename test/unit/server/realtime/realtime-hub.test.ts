/**
 * The hub's poke coalescing against a real (in-memory PGlite) LISTEN/NOTIFY. The sockets are
 * recorders implementing the hub's small socket interface; the real WebSocket path is covered by
 * test/integration/server/realtime.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Db } from '@server/db/db'
import { openPgliteDb } from '@server/db/pglite-db'
import { RealtimeHub, type RealtimeSocket } from '@server/realtime/realtime-hub'
import { CHANGES_CHANNEL, parsePokePayload, pokeKeysOf, pokePayload } from '@server/sync/change-log'

function recordingSocket(): RealtimeSocket & { sent: string[]; closedWith: number[] } {
  const sent: string[] = []
  const closedWith: number[] = []
  return {
    sent,
    closedWith,
    readyState: 1,
    OPEN: 1,
    send: (data) => sent.push(data),
    ping: () => undefined,
    close: (code) => {
      closedWith.push(code)
    },
    on: () => undefined
  }
}

const noFacts = {
  connectionLost: () => Promise.resolve(),
  connectionRestored: () => Promise.resolve()
}

function newHub(pokeCoalesceMs: number): RealtimeHub {
  return new RealtimeHub({
    protocolVersion: 1,
    facts: noFacts,
    onError: () => undefined,
    pokeCoalesceMs
  })
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
    const hub = newHub(100)
    await hub.start(db)
    const socket = recordingSocket()
    hub.add(socket, { kind: 'shared' }, null)
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

  it('closes a client that finishes authenticating after the hub stopped, instead of keeping it', async () => {
    const hub = newHub(20)
    await hub.start(db)
    const early = recordingSocket()
    hub.add(early, { kind: 'shared' }, null)
    await hub.stop()
    const late = recordingSocket()
    hub.add(late, { kind: 'shared' }, null)
    expect(early.closedWith).toEqual([1001])
    expect(late.closedWith).toEqual([1001])
    expect(late.sent).toEqual([])
    expect(hub.size).toBe(0)
  })

  it('pokes a client only for changes it may pull', async () => {
    const hub = newHub(20)
    await hub.start(db)
    const norte = recordingSocket()
    const sur = recordingSocket()
    const admin = recordingSocket()
    const trainer = recordingSocket()
    hub.add(norte, { kind: 'team', teamId: 'norte', userId: 'ana', privateRows: 'own' }, null)
    hub.add(sur, { kind: 'team', teamId: 'sur', userId: 'diego', privateRows: 'own' }, null)
    hub.add(admin, { kind: 'all' }, null)
    hub.add(trainer, { kind: 'shared' }, null)
    const pokes = (s: { sent: string[] }) => s.sent.filter((m) => m.includes('poke'))

    await db.notify(CHANGES_CHANNEL, pokePayload({ cursor: 30, teams: ['norte'] }))
    await vi.waitFor(() => {
      expect(pokes(admin)).toHaveLength(1)
    })
    expect(pokes(norte)).toEqual([JSON.stringify({ type: 'poke', cursor: 30 })])
    expect(pokes(sur)).toEqual([])
    expect(pokes(trainer)).toEqual([])

    await db.notify(CHANGES_CHANNEL, pokePayload({ cursor: 31, teams: [null] }))
    await vi.waitFor(() => {
      expect(pokes(trainer)).toHaveLength(1)
    })
    for (const s of [norte, sur, admin, trainer]) {
      expect(s.sent.at(-1)).toBe(JSON.stringify({ type: 'poke', cursor: 31 }))
    }
    await hub.stop()
  })

  it("pokes an agent for their own private rows and the team's leads, not their teammates", async () => {
    const hub = newHub(20)
    await hub.start(db)
    const ana = recordingSocket()
    const bruno = recordingSocket()
    const carla = recordingSocket()
    const elena = recordingSocket()
    hub.add(ana, { kind: 'team', teamId: 'norte', userId: 'ana', privateRows: 'own' }, null)
    hub.add(bruno, { kind: 'team', teamId: 'norte', userId: 'bruno', privateRows: 'own' }, null)
    hub.add(carla, { kind: 'team', teamId: 'norte', userId: 'carla', privateRows: 'team' }, null)
    hub.add(elena, { kind: 'team', teamId: 'sur', userId: 'elena', privateRows: 'team' }, null)
    const pokes = (s: { sent: string[] }) => s.sent.filter((m) => m.includes('poke'))
    const teams = pokeKeysOf([
      { entity: 'agent_state', entityId: 'x', teamId: 'norte', userId: 'ana', data: {} }
    ])
    await db.notify(CHANGES_CHANNEL, pokePayload({ cursor: 40, teams }))
    await vi.waitFor(() => {
      expect(pokes(carla)).toHaveLength(1)
    })
    expect(pokes(ana)).toHaveLength(1)
    expect(pokes(bruno)).toEqual([])
    expect(pokes(elena)).toEqual([])
    await hub.stop()
  })

  it('ignores a notification it cannot read', () => {
    expect(parsePokePayload('not json')).toBeNull()
    expect(parsePokePayload('{"cursor":"7","teams":[]}')).toBeNull()
    expect(parsePokePayload('12')).toEqual({ cursor: 12, teams: [null] })
  })
})
