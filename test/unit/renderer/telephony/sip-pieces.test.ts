/**
 * Pure pieces of the SIP softphone: header reading, dial targets, server rotation, ICE shape.
 * No SIP.js object runs here; calls through Kamailio are proven in test/e2e/softphone.spec.ts.
 */
import { describe, expect, it } from 'vitest'

import { planDial } from '@renderer/features/softphone/dial-number'
import {
  cleanIdentity,
  dialTarget,
  domainOf,
  readCtiHeaders
} from '@renderer/telephony/sip-headers'
import { serverForAttempt, toRtcIceServers } from '@renderer/telephony/sip-user-agent'

/** Reads headers by name whatever the case, as SIP.js does. */
function headerReader(headers: Record<string, string>): (name: string) => string | undefined {
  const byName = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  return (name) => byName.get(name.toLowerCase())
}

describe('CTI headers', () => {
  it('copies the known headers under lower-case names, cleaned and capped', () => {
    const headers: Record<string, string> = {
      'X-Customer-Id': ' CUST-0000001 ',
      'P-Asserted-Identity': '"Jos\u0000é" <sip:+34612345678@pbx>;party=calling',
      'X-Account': 'A'.repeat(1000),
      'X-Other': 'ignored'
    }
    const cti = readCtiHeaders(headerReader(headers))
    expect(cti).toEqual({
      'x-customer-id': 'CUST-0000001',
      'p-asserted-identity': '"José" <sip:+34612345678@pbx>;party=calling',
      'x-account': 'A'.repeat(256)
    })
  })

  it("also copies the site's configured headers, and the script selection headers", () => {
    const headers = {
      'X-Ivr-Cliente': 'CUST-0000002',
      'X-Queue': 'Quejas',
      'X-Other': 'ignored'
    }
    expect(readCtiHeaders(headerReader(headers), ['x-ivr-cliente'])).toEqual({
      'x-ivr-cliente': 'CUST-0000002',
      'x-queue': 'Quejas'
    })
  })

  it('leaves out absent and blank headers', () => {
    expect(readCtiHeaders(headerReader({ 'X-Account': '  ' }))).toEqual({})
  })

  it('keeps a hostile display name as plain text, without quotes or control characters', () => {
    expect(cleanIdentity('"<img src=x onerror=alert(1)>\r\n"')).toBe('<img src=x onerror=alert(1)>')
    expect(cleanIdentity('')).toBeNull()
    expect(cleanIdentity(undefined)).toBeNull()
  })
})

describe('dialling', () => {
  it('dials extensions as typed and pasted numbers as E.164 with the prefix', () => {
    expect(planDial('1002', 'ES', '0')).toEqual({ ok: true, target: '1002' })
    expect(planDial(' 612 34 56 78 ', 'ES', '')).toEqual({ ok: true, target: '+34612345678' })
    expect(planDial('0034 612-345-678', 'ES', '0')).toEqual({ ok: true, target: '0+34612345678' })
    expect(planDial('sip:bob@example.com', 'ES', '0')).toEqual({
      ok: true,
      target: 'sip:bob@example.com'
    })
  })

  it('refuses empty, withheld and impossible input with a reason', () => {
    expect(planDial('  ', 'ES', '')).toEqual({ ok: false, reason: 'empty' })
    expect(planDial('anonymous', 'ES', '')).toEqual({ ok: false, reason: 'withheld' })
    expect(planDial('12345678901234567', 'ES', '')).toEqual({ ok: false, reason: 'invalid' })
  })

  it('builds SIP URIs at the account domain', () => {
    expect(domainOf('sip:1001@atiende.local')).toBe('atiende.local')
    expect(dialTarget('1002', 'atiende.local')).toBe('sip:1002@atiende.local')
    expect(dialTarget('+34612345678', 'pbx')).toBe('sip:+34612345678@pbx')
    expect(dialTarget('sip:x@y', 'pbx')).toBe('sip:x@y')
  })
})

describe('user agent helpers', () => {
  it('fails over round robin across the WebSocket servers', () => {
    const servers = ['ws://a', 'ws://b', 'ws://c']
    expect([0, 1, 2, 3, 4].map((n) => serverForAttempt(servers, n))).toEqual([
      'ws://a',
      'ws://b',
      'ws://c',
      'ws://a',
      'ws://b'
    ])
    expect(serverForAttempt([], 0)).toBeNull()
  })

  it('passes only the configured ICE servers, leaving absent credentials out', () => {
    expect(toRtcIceServers([])).toEqual([])
    expect(
      toRtcIceServers([
        { urls: 'stun:stun.example.com' },
        { urls: ['turns:t.example.com'], username: 'u', credential: 'p' }
      ])
    ).toEqual([
      { urls: 'stun:stun.example.com' },
      { urls: ['turns:t.example.com'], username: 'u', credential: 'p' }
    ])
  })
})
