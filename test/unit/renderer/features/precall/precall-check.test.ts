/** Pre-call check summaries, the microphone level, and the per-machine device choice. */
import { describe, expect, it } from 'vitest'

import { loadDeviceChoice, saveDeviceChoice } from '@renderer/features/devices/device-preferences'
import { rmsLevel } from '@renderer/features/precall/hooks/useMicrophoneLevel'
import { summariseIce } from '@renderer/features/precall/network-check'
import { MemoryStorage } from '@support/memory-storage'

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

describe('device choice on this machine', () => {
  it('round-trips and starts from the system defaults', () => {
    const storage = new MemoryStorage()
    expect(loadDeviceChoice(storage)).toEqual({
      microphoneId: null,
      speakerId: null,
      ringerId: null
    })
    const choice = { microphoneId: 'hs-in', speakerId: 'hs-out', ringerId: null }
    saveDeviceChoice(choice, storage)
    expect(loadDeviceChoice(storage)).toEqual(choice)
  })

  it('ignores a corrupt or foreign value instead of failing the phone', () => {
    const storage = new MemoryStorage()
    storage.setItem('atiende.audio-devices', '{not json')
    expect(loadDeviceChoice(storage).microphoneId).toBeNull()
    storage.setItem('atiende.audio-devices', JSON.stringify({ microphoneId: 7 }))
    expect(loadDeviceChoice(storage).microphoneId).toBeNull()
  })
})
