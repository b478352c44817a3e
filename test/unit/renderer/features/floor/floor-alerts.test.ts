/**
 * The floor's alerts: each one's threshold and onset, on the lead's clock (a desk's skew
 * corrected), and the onset tracker that raises an OS notification once per onset while the app
 * is hidden. The notifier here is a fake that records what it was asked to show: no OS
 * notification centre runs on this machine (and none is needed to test which onsets are told).
 */
import { describe, expect, it } from 'vitest'

import { defaultFloorAlerts, type FloorAlerts } from '@shared/domain/configuration'
import type { DeskPresence, FloorEntry } from '@shared/presence/presence'
import {
  alertsFor,
  createOnsetTracker,
  type AlertNotice,
  type AgentAlerts
} from '@renderer/features/floor/floor-alerts'
import { deskPresence } from '@support/desk-presence'

const T0 = Date.parse('2026-12-06T10:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()
const MIN = 60_000

function presence(over: Partial<DeskPresence> = {}): DeskPresence {
  return deskPresence(iso(T0), over)
}

function entry(over: Partial<DeskPresence> = {}, rest: Partial<FloorEntry> = {}): FloorEntry {
  return {
    agentId: '11111111-1111-4111-8111-111111111111',
    teamId: '22222222-2222-4222-8222-222222222222',
    status: 'live',
    heardAt: over.sentAt ?? iso(T0),
    presence: presence(over),
    ...rest
  }
}

const inCall = (answeredAt: number, practice = false): Partial<DeskPresence> => ({
  state: 'on_call',
  call: {
    id: 'call-1',
    direction: 'inbound',
    practice,
    number: '+34 600 000 000',
    party: 'customer',
    customerId: null,
    name: 'Lucía',
    valueTier: 'standard',
    phase: 'active',
    startedAt: iso(answeredAt - 5000),
    answeredAt: iso(answeredAt),
    otherLines: 0
  }
})

const context = (now: number, thresholds: FloorAlerts = defaultFloorAlerts) => ({
  now,
  thresholds,
  pauseLimits: new Map<string, number | null>([
    ['break', 15],
    ['training', null]
  ])
})
const kinds = (e: FloorEntry | null, now: number, t?: FloorAlerts) =>
  alertsFor(e, context(now, t)).map((a) => a.kind)

describe('floor alerts', () => {
  it('has none for a calm desk, no entry, or an offline desk', () => {
    expect(kinds(entry(), T0 + 60 * MIN)).toEqual([])
    expect(kinds(null, T0)).toEqual([])
    expect(kinds(entry({}, { status: 'offline' }), T0)).toEqual([])
  })

  it('says a call is long once it passes the threshold, from its answer, with that onset', () => {
    const e = entry(inCall(T0))
    expect(kinds(e, T0 + 15 * MIN - 1)).toEqual([])
    expect(alertsFor(e, context(T0 + 15 * MIN))).toEqual([
      { kind: 'longCall', since: T0 + 15 * MIN }
    ])
    const shorter = { ...defaultFloorAlerts, longCallMinutes: 5 }
    expect(kinds(e, T0 + 5 * MIN, shorter)).toEqual(['longCall'])
    // A practice call is the agent's own training, not the floor's business.
    expect(kinds(entry(inCall(T0, true)), T0 + 60 * MIN)).toEqual([])
  })

  it('corrects a desk whose clock is off by its sentAt against the server heardAt', () => {
    // The desk's clock is two minutes behind: its answeredAt T0 is T0 + 2 min for the lead.
    const e = entry({ ...inCall(T0), sentAt: iso(T0) }, { heardAt: iso(T0 + 2 * MIN) })
    expect(kinds(e, T0 + 16 * MIN)).toEqual([])
    expect(alertsFor(e, context(T0 + 17 * MIN))[0]?.since).toBe(T0 + 17 * MIN)
  })

  it('says a wrap-up is long past its seconds', () => {
    const e = entry({ state: 'wrap_up', wrapUpSince: iso(T0) })
    expect(kinds(e, T0 + 119_999)).toEqual([])
    expect(alertsFor(e, context(T0 + 120_000))).toEqual([
      { kind: 'longWrapUp', since: T0 + 120_000 }
    ])
  })

  it("says a pause ran over its reason's limit; a reason without a limit never does", () => {
    const e = entry({ state: 'not_ready', pauseReason: 'break', since: iso(T0) })
    expect(kinds(e, T0 + 15 * MIN - 1)).toEqual([])
    expect(alertsFor(e, context(T0 + 16 * MIN))).toEqual([
      { kind: 'pauseOverLimit', since: T0 + 15 * MIN }
    ])
    expect(kinds(entry({ state: 'not_ready', pauseReason: 'training' }), T0 + 600 * MIN)).toEqual(
      []
    )
    expect(kinds(entry({ state: 'not_ready', pauseReason: 'unknown' }), T0 + 600 * MIN)).toEqual([])
  })

  it('says the phone is out of service when the line is down or the watchdog names a problem', () => {
    const down = (phone: DeskPresence['phone']) => kinds(entry({ phone }), T0)
    expect(down({ line: 'unregistered', problems: [] })).toEqual(['phoneOutOfService'])
    expect(down({ line: 'stopped', problems: [] })).toEqual(['phoneOutOfService'])
    expect(down({ line: 'registered', problems: ['microphone_denied'] })).toEqual([
      'phoneOutOfService'
    ])
    // Practice-only desks and a line still connecting are not a problem yet.
    expect(down({ line: 'unconfigured', problems: [] })).toEqual([])
    expect(down({ line: 'connecting', problems: [] })).toEqual([])
  })

  it('shows a missed call for the configured window after it rang out', () => {
    const e = entry({ lastMissedCallAt: iso(T0) })
    expect(alertsFor(e, context(T0 + MIN))).toEqual([{ kind: 'missedCall', since: T0 }])
    expect(kinds(e, T0 + 15 * MIN)).toEqual([])
    expect(kinds(e, T0 + 15 * MIN, { ...defaultFloorAlerts, missedCallWindowMinutes: 30 })).toEqual(
      ['missedCall']
    )
  })

  it('shows a raised hand from the moment it was raised', () => {
    expect(alertsFor(entry({ handRaisedAt: iso(T0 + 1000) }), context(T0 + 1000))).toEqual([
      { kind: 'handRaised', since: T0 + 1000 }
    ])
  })

  it('says only "connection lost" for a lost desk, from when it was last heard', () => {
    const lost = entry({ ...inCall(T0 - 60 * MIN), handRaisedAt: iso(T0) }, { status: 'lost' })
    expect(alertsFor(lost, context(T0 + MIN))).toEqual([{ kind: 'connectionLost', since: T0 }])
  })

  it('lists several alerts most urgent first', () => {
    const e = entry({
      ...inCall(T0),
      handRaisedAt: iso(T0),
      lastMissedCallAt: iso(T0 + 10 * MIN),
      phone: { line: 'registered', problems: ['no_microphone'] }
    })
    expect(kinds(e, T0 + 20 * MIN)).toEqual([
      'longCall',
      'phoneOutOfService',
      'missedCall',
      'handRaised'
    ])
  })
})

describe('OS notifications, once per onset (a fake notifier)', () => {
  const on = { ...defaultFloorAlerts.notify }
  const agent = (alerts: AgentAlerts['alerts'], agentId = 'a1'): AgentAlerts => ({
    agentId,
    name: 'Ana',
    alerts
  })
  /** Records what an OS notifier would have shown: nothing here can show one. */
  function fakeNotifier() {
    const shown: AlertNotice[] = []
    const tracker = createOnsetTracker()
    return {
      shown,
      look(agents: AgentAlerts[], hidden: boolean, notify = on) {
        shown.push(...tracker.update(agents, { hidden, notify }))
      }
    }
  }
  const hand = { kind: 'handRaised', since: T0 } as const

  it('tells a new alert once while hidden, not at every tick', () => {
    const n = fakeNotifier()
    n.look([agent([])], true)
    for (let i = 0; i < 5; i++) n.look([agent([hand])], true)
    expect(n.shown.map((s) => [s.agentId, s.kind])).toEqual([['a1', 'handRaised']])
  })

  it('does not tell an alert the lead saw begin on screen, even after switching away', () => {
    const n = fakeNotifier()
    n.look([agent([hand])], false)
    n.look([agent([hand])], true)
    expect(n.shown).toEqual([])
  })

  it('tells a new onset of the same alert again (a hand lowered and raised again)', () => {
    const n = fakeNotifier()
    n.look([agent([hand])], true)
    n.look([agent([])], true)
    n.look([agent([{ kind: 'handRaised', since: T0 + 5000 }])], true)
    n.look([agent([{ kind: 'handRaised', since: T0 + 9000 }])], true)
    expect(n.shown.map((s) => s.key)).toEqual([
      `a1|handRaised|${String(T0)}`,
      `a1|handRaised|${String(T0 + 5000)}`,
      `a1|handRaised|${String(T0 + 9000)}`
    ])
  })

  it('keeps an alert without an onset (the phone) as one while it lasts', () => {
    const n = fakeNotifier()
    const phone = { kind: 'phoneOutOfService', since: null } as const
    n.look([agent([phone]), agent([phone], 'a2')], true)
    n.look([agent([phone]), agent([phone], 'a2')], true)
    expect(n.shown.map((s) => s.agentId)).toEqual(['a1', 'a2'])
  })

  it('tells nothing for an alert an admin switched off', () => {
    const n = fakeNotifier()
    n.look([agent([hand])], true, { ...on, handRaised: false })
    expect(n.shown).toEqual([])
  })
})
