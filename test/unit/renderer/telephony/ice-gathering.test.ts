/** When an offer may leave without waiting for Chromium to declare ICE gathering complete. */
import { describe, expect, it } from 'vitest'

import { candidatesSuffice, iceServerKinds } from '@renderer/telephony/ice-gathering'

const host = { type: 'host', protocol: 'udp' } as const
const hostTcp = { type: 'host', protocol: 'tcp' } as const
const srflx = { type: 'srflx', protocol: 'udp' } as const
const relay = { type: 'relay', protocol: 'udp' } as const

describe('ICE servers', () => {
  it('tells STUN from TURN, in any URL form', () => {
    expect(iceServerKinds([])).toEqual({ stun: false, turn: false })
    expect(iceServerKinds([{ urls: 'stun:stun.example.com:3478' }])).toEqual({
      stun: true,
      turn: false
    })
    expect(
      iceServerKinds([{ urls: ['TURNS:turn.example.com:443?transport=tcp'], username: 'u' }])
    ).toEqual({ stun: false, turn: true })
  })
})

describe('candidates that suffice', () => {
  it('without ICE servers, one UDP host candidate is enough; TCP alone is not', () => {
    const none = { stun: false, turn: false }
    expect(candidatesSuffice([], none)).toBe(false)
    expect(candidatesSuffice([hostTcp], none)).toBe(false)
    expect(candidatesSuffice([hostTcp, host], none)).toBe(true)
  })

  it('with STUN, waits for a server-reflexive candidate', () => {
    const stun = { stun: true, turn: false }
    expect(candidatesSuffice([host, hostTcp], stun)).toBe(false)
    expect(candidatesSuffice([host, srflx], stun)).toBe(true)
  })

  it('with TURN, waits for a relay candidate even when STUN answered', () => {
    const turn = { stun: true, turn: true }
    expect(candidatesSuffice([host, srflx], turn)).toBe(false)
    expect(candidatesSuffice([host, srflx, relay], turn)).toBe(true)
  })
})
