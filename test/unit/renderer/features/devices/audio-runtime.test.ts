/**
 * Hot-plug, end to end in the renderer's audio runtime with a fake device layer: the microphone
 * is opened when the phone registers, falls back to the default when the chosen headset is
 * unplugged (devicechange), and goes back to the headset when it is plugged in again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { RegistrationState } from '@renderer/telephony/sip-user-agent'

class FakeTrack {
  readyState: MediaStreamTrackState = 'live'
  constructor(readonly deviceId: string | null) {}
  clone(): FakeTrack {
    return new FakeTrack(this.deviceId)
  }
  stop(): void {
    this.readyState = 'ended'
  }
  addEventListener(): void {
    // `ended` never fires here: devices vanish through devicechange in these tests.
  }
}

const headset = { deviceId: 'usb-mic', kind: 'audioinput', label: 'USB headset', groupId: 'g' }
const builtIn = { deviceId: 'built-in', kind: 'audioinput', label: 'Built-in', groupId: 'b' }

function fakeMediaDevices() {
  const opened: (string | null)[] = []
  const listeners = new Set<() => void>()
  let present = [headset, builtIn]
  return {
    opened,
    plug(devices: (typeof headset)[]) {
      present = devices
      for (const listener of listeners) listener()
    },
    mediaDevices: {
      getUserMedia(constraints: MediaStreamConstraints) {
        const audio = constraints.audio
        const exact =
          typeof audio === 'object' &&
          typeof audio.deviceId === 'object' &&
          'exact' in audio.deviceId
            ? String(audio.deviceId.exact)
            : null
        opened.push(exact)
        if (exact && !present.some((d) => d.deviceId === exact)) {
          return Promise.reject(new Error('OverconstrainedError'))
        }
        const track = new FakeTrack(exact)
        return Promise.resolve({ getAudioTracks: () => [track] })
      },
      enumerateDevices: () => Promise.resolve(present.map((d) => ({ ...d, toJSON: () => d }))),
      addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener)
    }
  }
}

describe('audio runtime', () => {
  let stop: (() => void) | null = null

  beforeEach(() => {
    vi.resetModules()
    const items = new Map<string, string>([
      [
        'atiende.audio-devices',
        JSON.stringify({ microphoneId: 'usb-mic', speakerId: null, ringerId: null })
      ]
    ])
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => items.set(k, v)
    })
  })

  afterEach(() => {
    stop?.()
    stop = null
    vi.unstubAllGlobals()
  })

  it('opens the chosen microphone on registration, falls back when unplugged, returns to it', async () => {
    const devices = fakeMediaDevices()
    vi.stubGlobal('navigator', { mediaDevices: devices.mediaDevices })
    const runtime = await import('@renderer/features/devices/audio-runtime')
    const { useAppStore } = await import('@renderer/stores/app-store')
    const { warmMicrophone } = await import('@renderer/telephony/warm-microphone')
    stop = runtime.startAudioRuntime()
    await expect.poll(() => runtime.audioState().inUse.microphoneId).toBe('usb-mic')

    const line = { state: RegistrationState.Registered, server: 'ws://127.0.0.1:1', reason: null }
    useAppStore.getState().lineChanged(line)
    await expect.poll(() => warmMicrophone.source?.readyState).toBe('live')
    expect(devices.opened).toEqual(['usb-mic'])

    devices.plug([builtIn])
    await expect.poll(() => runtime.audioState().inUse.microphoneId).toBeNull()
    await expect.poll(() => devices.opened).toEqual(['usb-mic', null])
    // The agent's choice is kept for when the headset comes back.
    expect(runtime.audioState().chosen.microphoneId).toBe('usb-mic')

    devices.plug([headset, builtIn])
    await expect.poll(() => devices.opened).toEqual(['usb-mic', null, 'usb-mic'])
    expect(runtime.audioState().inUse.microphoneId).toBe('usb-mic')

    useAppStore.getState().lineChanged({ state: 'unconfigured' })
    expect(warmMicrophone.source).toBeNull()
  })
})
