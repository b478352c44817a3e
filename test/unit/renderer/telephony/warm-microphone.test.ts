/**
 * The warm microphone with a fake capture device: opened once, cloned per call, reopened (on the
 * default device if need be) when the source ends, closed on release.
 */
import { describe, expect, it } from 'vitest'

import { WarmMicrophone } from '@renderer/telephony/warm-microphone'

class FakeTrack {
  readyState: MediaStreamTrackState = 'live'
  readonly clones: FakeTrack[] = []
  readonly #ended: (() => void)[] = []

  constructor(readonly deviceId: string | null) {}

  clone(): FakeTrack {
    const copy = new FakeTrack(this.deviceId)
    this.clones.push(copy)
    return copy
  }

  stop(): void {
    // Like a real track: stop() ends it without firing `ended`.
    this.readyState = 'ended'
  }

  addEventListener(_type: 'ended', listener: () => void): void {
    this.#ended.push(listener)
  }

  /** The device went away (unplugged): the browser ends the track and fires `ended`. */
  unplug(): void {
    this.readyState = 'ended'
    for (const listener of this.#ended) listener()
  }
}

function fakeDevices(present: string[]) {
  const opened: (string | null)[] = []
  const open = (deviceId: string | null): Promise<FakeTrack> => {
    opened.push(deviceId)
    if (deviceId !== null && !present.includes(deviceId)) {
      return Promise.reject(new Error('OverconstrainedError'))
    }
    return Promise.resolve(new FakeTrack(deviceId))
  }
  return { open, opened, present }
}

describe('warm microphone', () => {
  it('opens the device once and gives each call its own clone', async () => {
    const devices = fakeDevices([])
    const mic = new WarmMicrophone(devices.open)
    await mic.warm()
    const first = await mic.trackForCall()
    const second = await mic.trackForCall()
    expect(devices.opened).toEqual([null])
    expect(first).not.toBe(second)
    // A call ending stops its clone; the warm source stays open for the next call.
    first.stop()
    expect(mic.source?.readyState).toBe('live')
    expect(mic.source?.clones).toEqual([first, second])
  })

  it('opens on demand when a call comes before warming, sharing one open', async () => {
    const devices = fakeDevices([])
    const mic = new WarmMicrophone(devices.open)
    await Promise.all([mic.trackForCall(), mic.trackForCall()])
    expect(devices.opened).toEqual([null])
  })

  it('reopens an ended source and hands the new track to listeners', async () => {
    const devices = fakeDevices(['usb'])
    const mic = new WarmMicrophone(devices.open)
    const swapped: FakeTrack[] = []
    mic.onTrackChange((track) => swapped.push(track))
    await mic.useDevice('usb')
    await mic.warm()
    const source = mic.source
    devices.present.splice(0)
    source?.unplug()
    await expect.poll(() => swapped.length).toBe(1)
    // The chosen device is gone: the default device took over.
    expect(devices.opened).toEqual(['usb', 'usb', null])
    expect(swapped[0]?.deviceId).toBeNull()
    expect(mic.deviceId).toBeNull()
  })

  it('switches device on request and tells listeners', async () => {
    const devices = fakeDevices(['usb'])
    const mic = new WarmMicrophone(devices.open)
    await mic.warm()
    const swapped: FakeTrack[] = []
    mic.onTrackChange((track) => swapped.push(track))
    const before = mic.source
    await mic.useDevice('usb')
    expect(before?.readyState).toBe('ended')
    expect(swapped.map((t) => t.deviceId)).toEqual(['usb'])
  })

  it('closes on release and does not reopen when the closed source ends', async () => {
    const devices = fakeDevices([])
    const mic = new WarmMicrophone(devices.open)
    await mic.warm()
    const source = mic.source
    mic.release()
    expect(source?.readyState).toBe('ended')
    source?.unplug()
    await Promise.resolve()
    expect(mic.source).toBeNull()
    expect(devices.opened).toEqual([null])
  })

  it('reports why the default microphone could not be opened', async () => {
    const mic = new WarmMicrophone(() =>
      Promise.reject(new DOMException('denied', 'NotAllowedError'))
    )
    await expect(mic.warm()).rejects.toThrow('denied')
    expect(mic.lastError).toBe('NotAllowedError')
  })
})
