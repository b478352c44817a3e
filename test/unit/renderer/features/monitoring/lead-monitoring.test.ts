/**
 * The lead's side of monitoring on the real store, with fakes for the data worker's answers and
 * the lead's monitoring call (no SIP.js session runs in unit tests; the real calls run in the e2e
 * test through Kamailio). The PBX call is checked on a FakeCall (the softphone tests' far end).
 */
import { beforeEach, describe, expect, it } from 'vitest'

import type { MonitorStartReply } from '@shared/monitoring/monitoring-api'
import { LeadMonitoring } from '@renderer/features/monitoring/lead-monitoring'
import { resetAppStore, useAppStore } from '@renderer/stores/app-store'
import { CallState } from '@renderer/telephony/call-session'
import {
  ModeRefused,
  PbxLeadCall,
  type LeadCallEvents,
  type LeadPhone
} from '@renderer/telephony/monitoring/lead-monitor-call'
import { FakeCall } from '../softphone/fake-call'
import { AGENT, FakeLeadCall, FakeServer, refused, SESSION } from './fakes'

const target = { agentId: AGENT, agentName: 'Ana Ortiz', callId: 'call-a' }
const lead = () => useAppStore.getState().monitoring.lead

const builtin: MonitorStartReply = {
  method: 'builtin',
  sessionId: SESSION,
  mode: 'listen',
  modes: ['listen', 'whisper'],
  token: 'a.b.c',
  target: 'sip:1001@atiende.local',
  expiresAt: new Date().toISOString()
}

let server: FakeServer
let call: FakeLeadCall | null
let dialled: string[]

const phone: LeadPhone = {
  monitorCall: (start, events) => {
    dialled.push(`${start.target} ${start.token}`)
    call = new FakeLeadCall(events)
    return Promise.resolve(call)
  },
  pbxCall: (start, events) => {
    dialled.push(start.dialString)
    call = new FakeLeadCall(events)
    return Promise.resolve(call)
  }
}

function controller(registered = true): LeadMonitoring {
  return new LeadMonitoring({
    store: useAppStore,
    server,
    phone: () => (registered ? phone : null)
  })
}

function theCall(): FakeLeadCall {
  if (!call) throw new Error('no call placed')
  return call
}

beforeEach(() => {
  resetAppStore()
  server = new FakeServer()
  call = null
  dialled = []
})

describe("the lead's monitoring session", () => {
  it('requesting → connecting → live, calling the agent with the grant', async () => {
    server.startReply = { ok: true, start: builtin }
    const monitoring = controller()
    const starting = monitoring.start(target, 'listen')
    expect(lead()?.phase).toBe('requesting')
    await starting
    expect(lead()).toMatchObject({
      phase: 'connecting',
      sessionId: SESSION,
      modes: ['listen', 'whisper']
    })
    expect(dialled).toEqual(['sip:1001@atiende.local a.b.c'])
    theCall().events.onLive()
    expect(lead()?.phase).toBe('live')
    expect(lead()?.liveSince).not.toBeNull()
  })

  it('shows the server refusal and places no call', async () => {
    server.startReply = refused('not_permitted')
    await controller().start(target, 'barge')
    expect(lead()).toMatchObject({ phase: 'ended', refusal: 'not_permitted' })
    expect(dialled).toEqual([])
  })

  it("reads the agent's app refusal from the final response", async () => {
    server.startReply = { ok: true, start: builtin }
    await controller().start(target, 'listen')
    theCall().events.onEnded({ endReason: null, refusal: 'already_used', error: null })
    expect(lead()).toMatchObject({ phase: 'ended', refusal: 'already_used', endReason: null })
    expect(server.ended).toEqual([])
  })

  it("ends with the agent's reason (the BYE's Reason) and says the call is held", async () => {
    server.startReply = { ok: true, start: builtin }
    await controller().start(target, 'listen')
    theCall().events.onLive()
    theCall().events.onCallHeld(true)
    expect(lead()?.callHeld).toBe(true)
    theCall().events.onEnded({ endReason: 'transferred', refusal: null, error: null })
    expect(lead()).toMatchObject({ phase: 'ended', endReason: 'transferred' })
  })

  it('switches mode with the server, then on the call', async () => {
    server.startReply = { ok: true, start: builtin }
    const monitoring = controller()
    await monitoring.start(target, 'listen')
    theCall().events.onLive()
    const switching = monitoring.switchMode('whisper')
    expect(lead()?.phase).toBe('switching')
    await switching
    expect(server.asked).toContain('mode whisper')
    expect(theCall().did).toEqual(['switch whisper'])
    expect(lead()).toMatchObject({ phase: 'live', mode: 'whisper' })
  })

  it("keeps the mode when the server or the agent's app refuses the switch (sent together)", async () => {
    server.startReply = { ok: true, start: builtin }
    const monitoring = controller()
    await monitoring.start(target, 'listen')
    theCall().events.onLive()
    server.modeReply = refused('mode_not_permitted')
    await monitoring.switchMode('barge')
    expect(lead()).toMatchObject({ phase: 'live', mode: 'listen', refusal: 'mode_not_permitted' })
    // The switch went with the audit, and came back when the server refused it.
    expect(theCall().did).toEqual(['switch barge', 'switch listen'])
    server.modeReply = { ok: true }
    theCall().refuseNext = new ModeRefused('403 Monitoring Refused', 'mode_not_permitted')
    await monitoring.switchMode('whisper')
    expect(lead()).toMatchObject({ phase: 'live', mode: 'listen', refusal: 'mode_not_permitted' })
  })

  it('stop: BYE and monitoring:end stopped, once', async () => {
    server.startReply = { ok: true, start: builtin }
    const monitoring = controller()
    await monitoring.start(target, 'listen')
    theCall().events.onLive()
    await monitoring.stop()
    theCall().events.onEnded({ endReason: 'stopped', refusal: null, error: null })
    expect(theCall().did).toEqual(['bye'])
    expect(server.ended).toEqual([[SESSION, 'stopped']])
    expect(lead()).toMatchObject({ phase: 'ended', endReason: 'stopped' })
    monitoring.dismiss()
    expect(lead()).toBeNull()
  })

  it('a phone that is not registered ends the session with an error', async () => {
    server.startReply = { ok: true, start: builtin }
    await controller(false).start(target, 'listen')
    expect(lead()?.phase).toBe('ended')
    expect(lead()?.error).toMatch(/not registered/)
    expect(server.ended).toEqual([[SESSION, 'failed']])
  })
})

describe('PBX monitoring', () => {
  const pbx: Extract<MonitorStartReply, { method: 'pbx' }> = {
    method: 'pbx',
    sessionId: SESSION,
    mode: 'listen',
    modes: ['listen', 'whisper', 'barge'],
    dialString: '*2221001',
    switchKeys: { listen: '4', whisper: '5', barge: null },
    dtmfMethod: 'info'
  }

  it('dials the dial string the server gave', async () => {
    server.startReply = { ok: true, start: pbx }
    await controller().start(target, 'listen')
    expect(dialled).toEqual(['*2221001'])
    expect(lead()?.method).toBe('pbx')
  })

  it("switches with the PBX's DTMF keys and method; a mode without a key is refused", async () => {
    const sent: string[] = []
    const far = new (class extends FakeCall {
      sendDtmf(tone: string, method?: string): Promise<void> {
        sent.push(`${tone}/${String(method)}`)
        return Promise.resolve()
      }
    })('outbound', '*2221001')
    const seen: string[] = []
    const events: LeadCallEvents = {
      onLive: () => seen.push('live'),
      onCallHeld: () => undefined,
      onEnded: (outcome) => seen.push(`ended ${String(outcome.endReason)}`)
    }
    const pbxCall = new PbxLeadCall(far, pbx, events)
    far.move(CallState.Active)
    await pbxCall.switchMode('whisper')
    expect(sent).toEqual(['5/info'])
    await expect(pbxCall.switchMode('barge')).rejects.toBeInstanceOf(ModeRefused)
    await pbxCall.stop()
    expect(seen).toEqual(['live', 'ended stopped'])
  })
})
