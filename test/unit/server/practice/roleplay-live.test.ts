/**
 * The trainee's side of a role-play's live view: the floor entry, widened to the trainer only as
 * far as the role-play goes (the state during the session; the phase and the script step only on
 * the role-play's own call), and nothing once the session is over or the desk is not live.
 */
import { describe, expect, it } from 'vitest'

import { ROLEPLAY_LIVE_WINDOW_MS, traineeLiveOf } from '@server/practice/roleplay-live'
import type { FloorEntry, PresenceCall, PresenceScript } from '@shared/presence/presence'
import { deskPresence } from '@support/desk-presence'

const NOW = new Date('2026-03-10T10:00:00.000Z')
const AT = NOW.toISOString()

const call = (id: string, over: Partial<PresenceCall> = {}): PresenceCall => ({
  id,
  direction: 'inbound',
  practice: true,
  number: 'sip:tomas@example.test',
  party: 'unknown',
  customerId: null,
  name: 'Rosa Vidal',
  valueTier: null,
  phase: 'active',
  startedAt: AT,
  answeredAt: AT,
  otherLines: 0,
  ...over
})

const script: PresenceScript = {
  scriptId: 'retention',
  version: 3,
  nodeId: 'offer',
  stepTitle: 'The offer',
  jumps: [{ id: 'retention-offer', label: 'Offer' }]
}

const entry = (over: Partial<FloorEntry> = {}, presence = deskPresence(AT)): FloorEntry => ({
  agentId: '00000000-0000-4000-8000-000000000001',
  teamId: '00000000-0000-4000-8000-000000000002',
  status: 'live',
  heardAt: AT,
  presence,
  ...over
})

const onCall = (c: PresenceCall) => deskPresence(AT, { state: 'on_call', call: c, script })

const session = { issuedAt: new Date(NOW.getTime() - 60_000), traineeCallId: 'call-rp' }

describe('traineeLiveOf', () => {
  it('shows the phase and the script step on the role-play call, nothing else of it', () => {
    expect(
      traineeLiveOf(entry({}, onCall(call('call-rp', { phase: 'held' }))), session, NOW)
    ).toEqual({
      state: 'on_call',
      phase: 'held',
      script: { scriptId: 'retention', version: 3, nodeId: 'offer' }
    })
  })

  it('shows only the state while the trainee is on another call, or before redemption', () => {
    const other = entry({}, onCall(call('call-customer')))
    expect(traineeLiveOf(other, session, NOW)).toEqual({
      state: 'on_call',
      phase: null,
      script: null
    })
    const unredeemed = { ...session, traineeCallId: null }
    expect(traineeLiveOf(entry({}, onCall(call('call-rp'))), unredeemed, NOW)).toEqual({
      state: 'on_call',
      phase: null,
      script: null
    })
    expect(traineeLiveOf(entry(), session, NOW)).toEqual({
      state: 'ready',
      phase: null,
      script: null
    })
  })

  it('shows nothing without a live desk', () => {
    expect(traineeLiveOf(null, session, NOW)).toBeNull()
    expect(traineeLiveOf(entry({ status: 'lost' }), session, NOW)).toBeNull()
    expect(traineeLiveOf(entry({ status: 'offline' }), session, NOW)).toBeNull()
  })

  it('shows nothing once the session is over', () => {
    const live = entry({}, onCall(call('call-rp')))
    const edge = { ...session, issuedAt: new Date(NOW.getTime() - ROLEPLAY_LIVE_WINDOW_MS) }
    expect(traineeLiveOf(live, edge, NOW)).not.toBeNull()
    const over = { ...session, issuedAt: new Date(NOW.getTime() - ROLEPLAY_LIVE_WINDOW_MS - 1) }
    expect(traineeLiveOf(live, over, NOW)).toBeNull()
  })
})
