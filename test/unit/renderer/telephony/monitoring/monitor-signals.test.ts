/**
 * The monitoring call's SIP pieces: the user agent's routing of grant-bearing INVITEs (a fake
 * invitation: nothing SIP runs here), INFO bodies, the agent's answer to a mode, the BYE's Reason
 * and the PBX keys. Pure functions; the real signalling runs in the e2e test through Kamailio.
 */
import { describe, expect, it } from 'vitest'

import { MONITOR_GRANT_HEADER, MONITOR_INFO_CONTENT_TYPE } from '@shared/monitoring/monitoring'
import {
  decideAgentInfo,
  endReasonFromHeader,
  grantHeader,
  monitorInfoBody,
  parseMonitorInfo,
  reasonHeader,
  switchTones
} from '@renderer/telephony/monitoring/monitor-signals'
import { dispatchInvite } from '@renderer/telephony/sip-user-agent'

function fakeInvite(headers: Record<string, string>) {
  const rejected: (number | undefined)[] = []
  const provisional: number[] = []
  return {
    rejected,
    provisional,
    progress: () => {
      provisional.push(180)
      return Promise.resolve()
    },
    request: { hasHeader: (name: string) => name in headers },
    reject: (options?: { statusCode?: number }) => {
      rejected.push(options?.statusCode)
      return Promise.resolve()
    }
  }
}

describe('the user agent routes INVITEs', () => {
  it('hands a grant-bearing INVITE to monitoring, never to the call controller', () => {
    const invite = fakeInvite({ [MONITOR_GRANT_HEADER]: 'jws' })
    const calls: string[] = []
    const monitors: unknown[] = []
    dispatchInvite(
      invite,
      {
        onIncomingCall: (call: string) => calls.push(call),
        onMonitorInvite: (i) => monitors.push(i)
      },
      () => 'call'
    )
    expect(monitors).toEqual([invite])
    expect(calls).toEqual([])
    expect(invite.rejected).toEqual([])
    expect(invite.provisional).toEqual([])
  })

  it('refuses it with 403 when nothing takes monitoring, still without ringing', () => {
    const invite = fakeInvite({ [MONITOR_GRANT_HEADER]: 'jws' })
    const calls: string[] = []
    dispatchInvite(invite, { onIncomingCall: (call: string) => calls.push(call) }, () => 'call')
    expect(invite.rejected).toEqual([403])
    expect(calls).toEqual([])
    expect(invite.provisional).toEqual([])
  })

  it('rings any other INVITE as a call, 180 first', async () => {
    const invite = fakeInvite({ 'X-Customer-Id': '42' })
    const calls: string[] = []
    dispatchInvite(
      invite,
      { onIncomingCall: (call: string) => calls.push(call), onMonitorInvite: () => undefined },
      () => 'call'
    )
    await Promise.resolve()
    expect(invite.provisional).toEqual([180])
    expect(calls).toEqual(['call'])
  })
})

describe('monitoring INFO', () => {
  it('round-trips both bodies with its own content type', () => {
    const mode = monitorInfoBody({ type: 'mode', mode: 'whisper' })
    expect(mode.contentType).toBe(MONITOR_INFO_CONTENT_TYPE)
    expect(parseMonitorInfo(mode.contentType, mode.content)).toEqual({
      type: 'mode',
      mode: 'whisper'
    })
    const call = monitorInfoBody({ type: 'call', state: 'held' })
    expect(parseMonitorInfo(`${call.contentType}; charset=utf-8`, call.content)).toEqual({
      type: 'call',
      state: 'held'
    })
  })

  it('ignores other content types, broken JSON and unknown bodies', () => {
    expect(parseMonitorInfo('application/dtmf-relay', 'Signal=5')).toBeNull()
    expect(parseMonitorInfo(MONITOR_INFO_CONTENT_TYPE, '{')).toBeNull()
    expect(parseMonitorInfo(MONITOR_INFO_CONTENT_TYPE, '{"type":"mode","mode":"shout"}')).toBeNull()
    expect(
      parseMonitorInfo(MONITOR_INFO_CONTENT_TYPE, '{"type":"mode","mode":"listen","x":1}')
    ).toBeNull()
  })

  it("the agent's app refuses (403) a mode the grant does not name, and applies the others", () => {
    const body = (mode: string) => JSON.stringify({ type: 'mode', mode })
    const granted = ['listen', 'whisper'] as const
    expect(decideAgentInfo(MONITOR_INFO_CONTENT_TYPE, body('barge'), granted)).toEqual({
      answer: 403,
      reasonPhrase: 'Monitoring Refused (mode_not_permitted)'
    })
    expect(decideAgentInfo(MONITOR_INFO_CONTENT_TYPE, body('whisper'), granted)).toEqual({
      answer: 200,
      mode: 'whisper'
    })
    expect(decideAgentInfo('text/plain', body('listen'), granted).answer).toBe(415)
  })
})

describe('the end reason in the BYE', () => {
  it('writes and reads Reason: X-Atiende;text="…"', () => {
    expect(reasonHeader('transferred')).toBe('Reason: X-Atiende;text="transferred"')
    expect(endReasonFromHeader('X-Atiende;text="call_ended"')).toBe('call_ended')
    expect(endReasonFromHeader('SIP;cause=200;text="OK", x-atiende; text="agent_left"')).toBe(
      'agent_left'
    )
  })

  it('reads nothing from foreign or unknown reasons', () => {
    expect(endReasonFromHeader(undefined)).toBeNull()
    expect(endReasonFromHeader('SIP;cause=487;text="call_ended"')).toBeNull()
    expect(endReasonFromHeader('X-Atiende;text="exploded"')).toBeNull()
  })
})

describe('PBX and grant headers', () => {
  it('sends each switch key as its own DTMF tone', () => {
    expect(switchTones('5')).toEqual(['5'])
    expect(switchTones('*#1')).toEqual(['*', '#', '1'])
    expect(switchTones(null)).toEqual([])
  })

  it('puts the grant in its header', () => {
    expect(grantHeader('a.b.c')).toBe(`${MONITOR_GRANT_HEADER}: a.b.c`)
  })
})
