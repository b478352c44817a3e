/**
 * The monitoring mix in WebAudio (see monitor-mixer.ts for who hears whom): one source per voice,
 * one gain per voice and ear, one destination per ear. The agent's ear plays through its own
 * audio element on the call speaker (an element, not the context's output, so `setSinkId`
 * follows the agent's device choice like a call's remote audio does).
 */
import { voices, type Voice } from '@shared/monitoring/audio-routing'
import { playOnCallSpeaker } from '../sip-media'
import type { MixGraph } from './monitor-mixer'

/** A gain change ramps over this long: a step would click in everyone's ear. */
const RAMP_SECONDS = 0.02

export class WebAudioMixGraph implements MixGraph<MediaStreamTrack> {
  readonly #context = new AudioContext()
  readonly #ears: Record<Voice, MediaStreamAudioDestinationNode>
  readonly #gains = new Map<string, GainNode>()
  readonly #sources = new Map<Voice, MediaStreamAudioSourceNode>()
  /**
   * Chromium feeds a remote WebRTC track to WebAudio only while it also plays in a media element:
   * each remote voice gets a muted one.
   */
  readonly #keepAlive = new Map<Voice, HTMLAudioElement>()
  readonly #output = document.createElement('audio')
  readonly #stopOutput: () => void

  constructor() {
    const context = this.#context
    this.#ears = {
      agent: context.createMediaStreamDestination(),
      customer: context.createMediaStreamDestination(),
      lead: context.createMediaStreamDestination()
    }
    for (const ear of voices) {
      for (const voice of voices) {
        if (ear === voice) continue
        const gain = context.createGain()
        gain.gain.value = 0
        gain.connect(this.#ears[ear])
        this.#gains.set(`${ear}:${voice}`, gain)
      }
    }
    this.#output.autoplay = true
    this.#output.srcObject = this.#ears.agent.stream
    this.#stopOutput = playOnCallSpeaker(this.#output)
    // The agent never clicked anything: the monitoring call is answered by the app.
    void context.resume().catch(() => undefined)
    this.#output.play().catch(() => undefined)
  }

  setVoice(voice: Voice, track: MediaStreamTrack | null): void {
    this.#sources.get(voice)?.disconnect()
    this.#sources.delete(voice)
    this.#dropKeepAlive(voice)
    if (!track) return
    const stream = new MediaStream([track])
    const source = this.#context.createMediaStreamSource(stream)
    for (const ear of voices) {
      const gain = this.#gains.get(`${ear}:${voice}`)
      if (gain) source.connect(gain)
    }
    this.#sources.set(voice, source)
    if (voice !== 'agent') {
      const element = document.createElement('audio')
      element.muted = true
      element.srcObject = stream
      element.play().catch(() => undefined)
      this.#keepAlive.set(voice, element)
    }
  }

  setGain(ear: Voice, voice: Voice, gain: 0 | 1): void {
    const node = this.#gains.get(`${ear}:${voice}`)
    if (!node) return
    const now = this.#context.currentTime
    node.gain.cancelScheduledValues(now)
    node.gain.setValueAtTime(node.gain.value, now)
    node.gain.linearRampToValueAtTime(gain, now + RAMP_SECONDS)
  }

  earTrack(ear: 'lead' | 'customer'): MediaStreamTrack {
    const track = this.#ears[ear].stream.getAudioTracks()[0]
    if (!track) throw new Error(`the ${ear}'s mix has no track`)
    return track
  }

  close(): void {
    for (const voice of voices) {
      this.#sources.get(voice)?.disconnect()
      this.#dropKeepAlive(voice)
    }
    this.#sources.clear()
    this.#stopOutput()
    this.#output.pause()
    this.#output.srcObject = null
    void this.#context.close().catch(() => undefined)
  }

  #dropKeepAlive(voice: Voice): void {
    const element = this.#keepAlive.get(voice)
    if (!element) return
    element.pause()
    element.srcObject = null
    this.#keepAlive.delete(voice)
  }
}
