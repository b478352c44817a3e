/**
 * The agent's monitoring mix, on a fake graph and a fake customer sender: vitest runs in Node,
 * which has no AudioContext nor RTCPeerConnection (the WebAudio graph itself runs in the e2e test
 * in Chromium). What is checked: the gains follow `routingFor` per mode and on hold, and the
 * customer call's sender gets the mix only while the customer may hear the lead (barge), its own
 * track put back after, with mute carried across.
 */
import { describe, expect, it } from 'vitest'

import type { Voice } from '@shared/monitoring/audio-routing'
import {
  MonitorMixer,
  type CallSender,
  type MixGraph
} from '@renderer/telephony/monitoring/monitor-mixer'

let nextTrack = 0

class FakeTrack {
  readonly name: string
  enabled = true
  stopped = false

  constructor(name: string) {
    this.name = name
  }

  clone(): FakeTrack {
    const copy = new FakeTrack(`${this.name}#${String(++nextTrack)}`)
    copy.enabled = this.enabled
    return copy
  }

  stop(): void {
    this.stopped = true
  }
}

class FakeGraph implements MixGraph<FakeTrack> {
  readonly gains = new Map<string, 0 | 1>()
  readonly voices = new Map<Voice, FakeTrack | null>()
  readonly ears = { lead: new FakeTrack('lead-ear'), customer: new FakeTrack('customer-ear') }
  closed = false

  setVoice(voice: Voice, track: FakeTrack | null): void {
    this.voices.set(voice, track)
  }

  setGain(ear: Voice, voice: Voice, gain: 0 | 1): void {
    this.gains.set(`${ear}<-${voice}`, gain)
  }

  earTrack(ear: 'lead' | 'customer'): FakeTrack {
    return this.ears[ear]
  }

  close(): void {
    this.closed = true
  }

  /** Who each ear hears now. */
  heard(): Record<Voice, string[]> {
    const out: Record<Voice, string[]> = { agent: [], customer: [], lead: [] }
    for (const [key, gain] of this.gains) {
      const [ear, voice] = key.split('<-') as [Voice, Voice]
      if (gain === 1) out[ear].push(voice)
    }
    return out
  }
}

class FakeSender implements CallSender<FakeTrack> {
  track: FakeTrack | null
  readonly replaced: string[] = []

  constructor(track: FakeTrack) {
    this.track = track
  }

  replaceTrack(track: FakeTrack | null): Promise<void> {
    this.track = track
    this.replaced.push(track?.name ?? 'null')
    return Promise.resolve()
  }
}

function setUp(mode: 'listen' | 'whisper' | 'barge') {
  const graph = new FakeGraph()
  const own = new FakeTrack('mic-clone')
  const sender = new FakeSender(own)
  const mixer = new MonitorMixer<FakeTrack>({
    graph,
    mode,
    customerSender: sender,
    microphone: new FakeTrack('mic'),
    customerVoice: new FakeTrack('customer')
  })
  return { graph, own, sender, mixer }
}

describe('the monitoring mix', () => {
  it('listen: the lead hears both, nobody hears the lead', async () => {
    const { graph, sender, mixer } = setUp('listen')
    await mixer.setMode('listen')
    expect(graph.heard()).toEqual({ agent: [], customer: ['agent'], lead: ['agent', 'customer'] })
    expect(sender.replaced).toEqual([])
    expect(mixer.leadTrack.name).toBe('lead-ear')
  })

  it('whisper: only the agent hears the lead; the customer call is untouched', async () => {
    const { graph, sender, mixer } = setUp('listen')
    await mixer.setMode('whisper')
    expect(graph.heard()).toEqual({
      agent: ['lead'],
      customer: ['agent'],
      lead: ['agent', 'customer']
    })
    expect(sender.replaced).toEqual([])
  })

  it('barge: the customer call sends the mix, and its own track comes back after', async () => {
    const { graph, own, sender, mixer } = setUp('whisper')
    await mixer.setMode('barge')
    expect(graph.heard().customer).toEqual(['agent', 'lead'])
    expect(sender.track?.name).toBe('customer-ear')
    expect(mixer.customerHearsMix).toBe(true)
    await mixer.setMode('listen')
    expect(sender.track).toBe(own)
    expect(sender.replaced).toEqual(['customer-ear', 'mic-clone'])
    expect(mixer.customerHearsMix).toBe(false)
  })

  it('never feeds the customer voice back to the agent (the call plays it already)', async () => {
    const { graph, mixer } = setUp('barge')
    await mixer.setMode('barge')
    expect(graph.gains.has('agent<-customer')).toBe(false)
  })

  it('hold: the lead hears neither and the customer nobody; barge resumes after', async () => {
    const { graph, own, sender, mixer } = setUp('barge')
    await mixer.setMode('barge')
    await mixer.setHeld(true)
    expect(graph.heard()).toEqual({ agent: ['lead'], customer: [], lead: [] })
    expect(sender.track).toBe(own)
    await mixer.setHeld(false)
    expect(sender.track?.name).toBe('customer-ear')
  })

  it('carries mute across the swap both ways', async () => {
    const { graph, own, sender, mixer } = setUp('listen')
    own.enabled = false
    await mixer.setMode('barge')
    expect(graph.ears.customer.enabled).toBe(false)
    graph.ears.customer.enabled = true
    await mixer.setMode('whisper')
    expect(sender.track).toBe(own)
    expect(own.enabled).toBe(true)
  })

  it('takes a swapped microphone, and the call gets the new one back after barge', async () => {
    const { graph, own, sender, mixer } = setUp('barge')
    await mixer.setMode('barge')
    const before = graph.voices.get('agent')
    mixer.setMicrophone(new FakeTrack('headset'))
    expect(before?.stopped).toBe(true)
    expect(graph.voices.get('agent')?.name).toMatch(/^headset#/)
    expect(own.stopped).toBe(true)
    await mixer.setMode('listen')
    expect(sender.track?.name).toMatch(/^headset#/)
  })

  it('closing puts the call back and stops the graph', async () => {
    const { graph, own, sender, mixer } = setUp('barge')
    await mixer.setMode('barge')
    await mixer.close()
    expect(sender.track).toBe(own)
    expect(graph.closed).toBe(true)
    await mixer.setMode('barge')
    expect(sender.track).toBe(own)
  })
})

describe('the customer sender', () => {
  it('is announced as the mixer’s only while it sends the mix', async () => {
    const graph = new FakeGraph()
    const sender = new FakeSender(new FakeTrack('mic-clone'))
    const claims: boolean[] = []
    const mixer = new MonitorMixer<FakeTrack>({
      graph,
      mode: 'listen',
      customerSender: sender,
      microphone: new FakeTrack('mic'),
      customerVoice: null,
      onCustomerMix: (hasMix) => claims.push(hasMix)
    })
    await mixer.setMode('whisper')
    await mixer.setMode('barge')
    await mixer.setMode('listen')
    expect(claims).toEqual([true, false])
  })

  it('a call that closed under the mix fails neither the switch nor the close', async () => {
    const graph = new FakeGraph()
    const sender = new FakeSender(new FakeTrack('mic-clone'))
    const mixer = new MonitorMixer<FakeTrack>({
      graph,
      mode: 'barge',
      customerSender: sender,
      microphone: null,
      customerVoice: null
    })
    await mixer.setMode('barge')
    sender.replaceTrack = () => Promise.reject(new Error('InvalidStateError'))
    await expect(mixer.setMode('listen')).resolves.toBeUndefined()
    await mixer.close()
    expect(graph.closed).toBe(true)
  })
})
