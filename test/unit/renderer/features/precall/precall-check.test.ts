/** Pre-call check summaries and the microphone level. */
import { describe, expect, it } from 'vitest'

import { rmsLevel } from '@renderer/features/precall/hooks/useMicrophoneLevel'
import { summariseIce } from '@renderer/features/precall/network-check'

describe('ICE check summary', () => {
  const host = { type: 'host', protocol: 'udp' } as const
  const relay = { type: 'relay', protocol: 'udp' } as const

  it('reports the candidate types and that host candidates suffice without servers', () => {
    expect(summariseIce([host, host], [], 12.4)).toEqual({
      candidates: 2,
      types: ['host'],
      ms: 12,
      enough: true,
      relayMissing: false
    })
  })

  it('flags a TURN server that gave no relay candidate', () => {
    const turn = [{ urls: 'turn:turn.example.com', username: 'u', credential: 'p' }]
    expect(summariseIce([host], turn, 5000)).toMatchObject({ enough: false, relayMissing: true })
    expect(summariseIce([host, relay], turn, 80)).toMatchObject({
      types: ['host', 'relay'],
      enough: true,
      relayMissing: false
    })
  })

  it('says nothing was gathered', () => {
    expect(summariseIce([], [], 5000)).toMatchObject({ candidates: 0, enough: false })
  })
})

describe('microphone level', () => {
  it('is the RMS of the samples: silence 0, a full-scale square wave 1', () => {
    expect(rmsLevel(new Float32Array(128))).toBe(0)
    expect(rmsLevel(Float32Array.from({ length: 128 }, (_, i) => (i % 2 ? 1 : -1)))).toBe(1)
    expect(rmsLevel(new Float32Array(0))).toBe(0)
  })
})
