/** Which device each role uses when devices come and go (hot-plug fallback). */
import { describe, expect, it } from 'vitest'

import {
  audioDevices,
  resolveChoice,
  resolveDevice,
  vanishedRoles,
  type AudioDevice
} from '@renderer/telephony/media-devices'

const headsetMic: AudioDevice = { deviceId: 'hs-in', kind: 'audioinput', label: 'Headset' }
const headset: AudioDevice = { deviceId: 'hs-out', kind: 'audiooutput', label: 'Headset' }
const speakers: AudioDevice = { deviceId: 'spk', kind: 'audiooutput', label: 'Speakers' }

describe('device fallback', () => {
  it('uses the chosen device while it is plugged in', () => {
    expect(resolveDevice('hs-in', 'audioinput', [headsetMic, headset])).toBe('hs-in')
  })

  it('falls back to the default (null) when the chosen device vanished', () => {
    expect(resolveDevice('hs-in', 'audioinput', [headset, speakers])).toBeNull()
  })

  it('does not take an output with the same id for an input', () => {
    expect(resolveDevice('hs-out', 'audioinput', [headset])).toBeNull()
  })

  it('treats the system aliases as the default', () => {
    expect(resolveDevice('default', 'audiooutput', [speakers])).toBeNull()
    expect(resolveDevice(null, 'audiooutput', [speakers])).toBeNull()
  })

  it('resolves every role; the ringer keeps the speakers when the headset is unplugged', () => {
    const choice = { microphoneId: 'hs-in', speakerId: 'hs-out', ringerId: 'spk' }
    const before = resolveChoice(choice, [headsetMic, headset, speakers])
    expect(before).toEqual(choice)
    const after = resolveChoice(choice, [speakers])
    expect(after).toEqual({ microphoneId: null, speakerId: null, ringerId: 'spk' })
    expect(vanishedRoles(before, after)).toEqual(['microphoneId', 'speakerId'])
    // Plugged back in: the choice (still saved) applies again.
    expect(resolveChoice(choice, [headsetMic, headset, speakers])).toEqual(choice)
  })

  it('lists audio devices without video ones or the system aliases', () => {
    const info = (deviceId: string, kind: MediaDeviceKind, label: string): MediaDeviceInfo => ({
      deviceId,
      kind,
      label,
      groupId: 'g',
      toJSON: () => ({ deviceId, kind, label })
    })
    const listed = [
      info('default', 'audioinput', 'Default'),
      info('hs-in', 'audioinput', 'Headset'),
      info('cam', 'videoinput', 'Camera')
    ]
    expect(audioDevices(listed)).toEqual([headsetMic])
  })
})
