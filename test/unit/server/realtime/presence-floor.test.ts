/**
 * The floor's ownership, expiry and durable facts with a fake clock; two floors wired to each
 * other stand for two instances on one PostgreSQL (the real NOTIFY path is covered by
 * test/integration/presence-instances.test.ts).
 */
import { describe, expect, it } from 'vitest'

import { derivedId, PresenceFloor, type FloorNotice } from '@server/realtime/presence-floor'
import type { DeskPresence, FloorEntry } from '@shared/presence/presence'
import { deskPresence } from '@support/desk-presence'

const ANA = '00000000-0000-4000-8000-00000000000a'
const NORTE = '00000000-0000-4000-8000-0000000000e1'

function presence(over: Partial<DeskPresence> = {}): DeskPresence {
  return deskPresence('2026-12-06T10:00:00.000Z', over)
}

function instance(id: string, clock: { now: number }) {
  const changes: FloorEntry[] = []
  const lost: string[] = []
  const restored: string[] = []
  const outbox: FloorNotice[] = []
  const floor = new PresenceFloor({
    instanceId: id,
    now: () => clock.now,
    facts: {
      connectionLost: (f) => {
        lost.push(f.id)
        return Promise.resolve()
      },
      connectionRestored: (f) => {
        restored.push(f.id)
        return Promise.resolve()
      }
    },
    broadcast: (n) => outbox.push(n),
    onChange: (e) => changes.push(e),
    onError: () => undefined,
    expiryMs: 26_000
  })
  return { floor, changes, lost, restored, outbox }
}

/** Lets the facts, written in order per agent, reach the recorder. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Delivers each instance's notices to the others, as NOTIFY would. */
function deliver(...all: ReturnType<typeof instance>[]) {
  for (const from of all) {
    for (const notice of from.outbox.splice(0)) {
      for (const to of all) if (to !== from) to.floor.noticed(notice)
    }
  }
}

describe('PresenceFloor', () => {
  it('publishes a change once and keeps beats that change nothing to itself', () => {
    const clock = { now: Date.parse('2026-12-06T10:00:00Z') }
    const a = instance('a', clock)
    a.floor.heard(ANA, NORTE, presence())
    clock.now += 8000
    a.floor.heard(ANA, NORTE, presence({ sentAt: '2026-12-06T10:00:08.000Z' }))
    expect(a.changes).toHaveLength(1)
    expect(a.outbox).toHaveLength(1)
    a.floor.heard(ANA, NORTE, presence({ state: 'on_call' }))
    expect(a.changes.map((c) => c.presence.state)).toEqual(['ready', 'on_call'])
  })

  it('shows a silent desk lost after the expiry, writes the fact once, and restores it', async () => {
    const clock = { now: Date.parse('2026-12-06T10:00:00Z') }
    const a = instance('a', clock)
    a.floor.heard(ANA, NORTE, presence({ state: 'on_call' }))
    await settle()
    expect(a.restored).toHaveLength(1)
    clock.now += 26_000
    a.floor.sweep()
    expect(a.changes.at(-1)?.status).toBe('live')
    clock.now += 1000
    a.floor.sweep()
    a.floor.sweep()
    expect(a.changes.at(-1)).toMatchObject({ status: 'lost', heardAt: '2026-12-06T10:00:00.000Z' })
    await settle()
    expect(a.lost).toEqual([derivedId(ANA, 'lost', '2026-12-06T10:00:00.000Z')])
    clock.now += 5000
    a.floor.heard(ANA, NORTE, presence({ state: 'on_call' }))
    expect(a.changes.at(-1)?.status).toBe('live')
    await settle()
    expect(a.restored).toHaveLength(2)
  })

  it('shows a signed-out agent offline, never lost', async () => {
    const clock = { now: 0 }
    const a = instance('a', clock)
    a.floor.heard(ANA, NORTE, presence())
    a.floor.left(ANA)
    clock.now += 60_000
    a.floor.sweep()
    expect(a.changes.map((c) => c.status)).toEqual(['live', 'offline'])
    await settle()
    expect(a.lost).toEqual([])
  })

  it('lets only the owning instance age a desk while that instance beats', async () => {
    const clock = { now: 0 }
    const a = instance('a', clock)
    const b = instance('b', clock)
    a.floor.heard(ANA, NORTE, presence())
    deliver(a, b)
    expect(b.changes.map((c) => c.agentId)).toEqual([ANA])
    for (let t = 0; t < 25; t++) {
      clock.now += 1000
      a.floor.heard(ANA, NORTE, presence())
      a.floor.beat()
      deliver(a, b)
      b.floor.sweep()
    }
    await settle()
    expect(b.lost).toEqual([])
    // A quiet desk: only A notices, and B learns it from A.
    clock.now += 27_000
    a.floor.beat()
    deliver(a, b)
    b.floor.sweep()
    a.floor.sweep()
    deliver(a, b)
    await settle()
    expect(a.lost).toHaveLength(1)
    await settle()
    expect(b.lost).toEqual([])
    expect(b.changes.at(-1)?.status).toBe('lost')
  })

  it('takes over the ageing of desks whose instance went silent', async () => {
    const clock = { now: 0 }
    const a = instance('a', clock)
    const b = instance('b', clock)
    a.floor.heard(ANA, NORTE, presence())
    a.floor.beat()
    deliver(a, b)
    clock.now += 27_000
    b.floor.sweep()
    await settle()
    expect(b.lost).toHaveLength(1)
    expect(b.changes.at(-1)?.status).toBe('lost')
  })

  it('answers a new instance with the desks it owns', () => {
    const clock = { now: 0 }
    const a = instance('a', clock)
    a.floor.heard(ANA, NORTE, presence({ state: 'wrap_up' }))
    a.outbox.splice(0)
    const c = instance('c', clock)
    c.floor.greet()
    deliver(c, a)
    deliver(a, c)
    expect(c.floor.entries(() => true).map((e) => e.presence.state)).toEqual(['wrap_up'])
  })

  it('derives the same uuid on every instance', () => {
    const id = derivedId(ANA, 'lost', '2026-12-06T10:00:00.000Z')
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(derivedId(ANA, 'lost', '2026-12-06T10:00:00.000Z')).toBe(id)
  })
})
