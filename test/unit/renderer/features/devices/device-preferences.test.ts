import { describe, expect, it } from 'vitest'

import { loadDeviceChoice, saveDeviceChoice } from '@renderer/features/devices/device-preferences'
import { MemoryStorage } from '@support/memory-storage'

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
