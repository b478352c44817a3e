/**
 * The agent's side of monitoring on the real store, with fakes for the data worker's answers and
 * for the monitoring INVITE and its leg (no SIP.js session nor WebAudio runs in unit tests; the
 * real ones run in the e2e test). A monitoring INVITE never reaches the call controller: here it
 * only ever meets the monitoring controller, and the phone's phase and lines never change.
 */
import { beforeEach, describe, expect, it } from 'vitest'

import { DEFAULT_MONITORING_POLICY } from '@shared/monitoring/monitoring-policy'
import { AgentMonitoring } from '@renderer/features/monitoring/agent-monitoring'
import { resetAppStore, useAppStore } from '@renderer/stores/app-store'
import { CallState, type CallInfo } from '@renderer/telephony/call-session'
import { claims, FakeInvite, FakeServer, refused, SESSION } from './fakes'

const info = (id: string): CallInfo => ({
  id,
  kind: 'sip',
  direction: 'inbound',
  remoteNumber: '+34911234567',
  remoteDisplayName: null,
  ctiHeaders: {},
  startedAt: new Date().toISOString()
})

function onCall(id: string, phase: 'active' | 'held' | 'wrap_up' = 'active'): void {
  useAppStore.setState((s) => ({ phone: { ...s.phone, phase, call: info(id) } }))
}

let server: FakeServer
let agentSeesListen: boolean

function controller(): AgentMonitoring {
  return new AgentMonitoring({
    store: useAppStore,
    server,
    policy: () => Promise.resolve({ ...DEFAULT_MONITORING_POLICY, agentSeesListen })
  })
}

/** Lets the controller's pending promises (BYE, then the worker) settle. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

const monitoredBy = () => useAppStore.getState().monitoring.monitoredBy

beforeEach(() => {
  resetAppStore()
  server = new FakeServer()
  agentSeesListen = true
})

describe('a monitoring INVITE at the agent desk', () => {
  it('asks the worker with the token and the desk call ids, then answers at once', async () => {
    onCall('call-a')
    useAppStore.setState((s) => ({
      phone: { ...s.phone, lines: [{ info: info('call-b'), state: CallState.Held }] }
    }))
    server.admitReply = { ok: true, claims: claims('call-a') }
    const invite = new FakeInvite()
    await controller().invite(invite)
    expect(server.admittedWith).toEqual({
      token: 'header.payload.signature',
      callIds: ['call-a', 'call-b']
    })
    expect(invite.refusedWith).toBeNull()
    expect(invite.leg?.terms).toEqual({
      callId: 'call-a',
      mode: 'listen',
      modes: ['listen', 'whisper', 'barge']
    })
    expect(monitoredBy()).toMatchObject({ sessionId: SESSION, leadName: 'Carla Méndez' })
    expect(monitoredBy()?.shown).toBe(true)
    // Nothing rang: the phone is exactly where it was.
    expect(useAppStore.getState().phone.phase).toBe('active')
    expect(useAppStore.getState().phone.call?.id).toBe('call-a')
  })

  it.each([
    ['invalid_grant', 403],
    ['expired', 403],
    ['already_used', 403],
    ['not_for_this_desk', 403],
    ['call_changed', 481],
    ['agent_not_on_call', 481]
  ] as const)('refuses a grant the worker refused (%s) with %i', async (reason, status) => {
    onCall('call-a')
    server.admitReply = refused(reason)
    const invite = new FakeInvite()
    await controller().invite(invite)
    expect(invite.refusedWith?.statusCode).toBe(status)
    expect(invite.refusedWith?.reasonPhrase).toContain(status === 403 ? reason : '')
    expect(invite.leg).toBeNull()
    expect(monitoredBy()).toBeNull()
  })

  it('refuses 503 when the server could not be reached (nothing is answered unredeemed)', async () => {
    onCall('call-a')
    server.admitReply = { ok: false, reason: 'unreachable', message: 'offline' }
    const invite = new FakeInvite()
    await controller().invite(invite)
    expect(invite.refusedWith?.statusCode).toBe(503)
  })

  it('refuses an INVITE without a token without asking anyone', async () => {
    const invite = new FakeInvite(null)
    await controller().invite(invite)
    expect(invite.refusedWith?.statusCode).toBe(403)
    expect(server.asked).toEqual([])
  })

  it('takes one monitor at a time (486 already_monitored)', async () => {
    onCall('call-a')
    server.admitReply = { ok: true, claims: claims('call-a') }
    const monitoring = controller()
    await monitoring.invite(new FakeInvite())
    const second = new FakeInvite()
    await monitoring.invite(second)
    expect(second.refusedWith).toEqual({ statusCode: 486, reasonPhrase: 'Already Monitored' })
  })

  it('hides listen from the agent when the policy says so; whisper is always shown', async () => {
    agentSeesListen = false
    onCall('call-a')
    server.admitReply = { ok: true, claims: claims('call-a') }
    const invite = new FakeInvite()
    await controller().invite(invite)
    expect(monitoredBy()?.shown).toBe(false)
    invite.leg?.events.onMode('whisper')
    expect(monitoredBy()).toMatchObject({ mode: 'whisper', shown: true })
  })
})

describe('following the monitored call', () => {
  async function monitoring(call = 'call-a') {
    onCall(call)
    server.admitReply = { ok: true, claims: claims(call) }
    const invite = new FakeInvite()
    const agent = controller()
    await agent.invite(invite)
    const leg = invite.leg
    if (!leg) throw new Error('not answered')
    return { agent, leg }
  }

  it('tells the lead when the call is held and resumed', async () => {
    const { leg } = await monitoring()
    onCall('call-a', 'held')
    onCall('call-a', 'active')
    expect(leg.did).toEqual(['info held', 'info active'])
  })

  it('a swap to the other line holds the monitored call', async () => {
    const { leg } = await monitoring()
    useAppStore.setState((s) => ({
      phone: {
        ...s.phone,
        call: info('call-b'),
        lines: [{ info: info('call-a'), state: CallState.Held }]
      }
    }))
    expect(leg.did).toEqual(['info held'])
  })

  it('ends with call_ended when the call ends, and the indicator goes', async () => {
    const { leg } = await monitoring()
    onCall('call-a', 'wrap_up')
    await flush()
    expect(leg.did).toEqual(['bye call_ended'])
    expect(server.ended).toEqual([[SESSION, 'call_ended']])
    expect(monitoredBy()).toBeNull()
  })

  it('ends with transferred when the agent transferred the call away', async () => {
    const { agent, leg } = await monitoring()
    agent.transferUnderway('call-a', true)
    useAppStore.setState((s) => ({ phone: { ...s.phone, phase: 'wrap_up' } }))
    await flush()
    expect(leg.did).toEqual(['bye transferred'])
  })

  it('a transfer that failed does not count', async () => {
    const { agent, leg } = await monitoring()
    agent.transferUnderway('call-a', true)
    agent.transferUnderway('call-a', false)
    onCall('call-a', 'wrap_up')
    await flush()
    expect(leg.did).toEqual(['bye call_ended'])
  })

  it('ends with agent_left on sign-out', async () => {
    const { agent, leg } = await monitoring()
    await agent.agentLeft()
    expect(leg.did).toEqual(['bye agent_left'])
    expect(server.ended).toEqual([[SESSION, 'agent_left']])
  })

  it('the lead hanging up ends it quietly (the lead reports it) and frees the desk', async () => {
    const { agent, leg } = await monitoring()
    leg.leadHangsUp()
    expect(monitoredBy()).toBeNull()
    expect(server.ended).toEqual([])
    const next = new FakeInvite()
    await agent.invite(next)
    expect(next.refusedWith).toBeNull()
  })

  it('keeps who monitored the call, with every mode used, for its record', async () => {
    const { agent, leg } = await monitoring()
    leg.events.onMode('whisper')
    leg.events.onMode('barge')
    leg.events.onMode('whisper')
    expect(agent.takeMonitoredBy('call-a')).toEqual([
      {
        sessionId: SESSION,
        leadId: expect.any(String) as string,
        leadName: 'Carla Méndez',
        modes: ['listen', 'whisper', 'barge']
      }
    ])
    expect(agent.takeMonitoredBy('call-a')).toEqual([])
  })
})
