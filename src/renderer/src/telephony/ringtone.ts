/**
 * The ringtone, synthesised with WebAudio (no file to ship) and played through its own audio
 * element, so it can ring on a loudspeaker (the ringer device) while calls go to the headset.
 * The cadence is the European one the agents know from desk phones: 425 Hz, 1 s on, 4 s off,
 * shortened to 1 s / 2 s so a caller is noticed within the first seconds.
 */
import { routeAudio } from './sip-media'

const TONE_HZ = 425
const ON_S = 1
const PERIOD_S = 3
const LEVEL = 0.25

interface RingerGraph {
  context: AudioContext
  gain: GainNode
  element: HTMLAudioElement
}

/**
 * @remarks The audio graph is built at the first ring and kept: creating an AudioContext and
 * starting its element cost ~10 ms of the page's main thread, which a ring must not spend before
 * the caller's card is painted. Between rings the context is suspended (no audio callbacks).
 */
export class Ringtone {
  #graph: RingerGraph | null = null
  #ringing = false
  #timer: ReturnType<typeof setInterval> | undefined
  #deviceId: string | null = null

  get isRinging(): boolean {
    return this.#ringing
  }

  /** Starts ringing on `deviceId` (null: default output); a second start only moves it. */
  async start(deviceId: string | null): Promise<void> {
    const graph = this.#graph ?? this.#build()
    if (this.#ringing) {
      if (deviceId !== this.#deviceId) await this.#route(graph, deviceId)
      return
    }
    this.#ringing = true
    const { context, gain } = graph
    // Without a user gesture (browser edition) these may wait or fail; ringing is best effort.
    await context.resume().catch(() => undefined)
    if (!this.#stillRinging()) return
    // One ring per period, scheduled on the audio clock (exact cadence even if timers lag).
    gain.gain.cancelScheduledValues(0)
    gain.gain.setValueAtTime(0, context.currentTime)
    let next = context.currentTime + 0.02
    const schedule = (): void => {
      while (next < context.currentTime + 2 * PERIOD_S) {
        gain.gain.setValueAtTime(LEVEL, next)
        gain.gain.setValueAtTime(0, next + ON_S)
        next += PERIOD_S
      }
    }
    schedule()
    this.#timer = setInterval(schedule, 1000)
    if (deviceId !== this.#deviceId) await this.#route(graph, deviceId)
    if (this.#stillRinging()) await graph.element.play().catch(() => undefined)
  }

  stop(): void {
    if (!this.#ringing) return
    this.#ringing = false
    clearInterval(this.#timer)
    const graph = this.#graph
    if (!graph) return
    graph.gain.gain.cancelScheduledValues(0)
    graph.gain.gain.value = 0
    graph.element.pause()
    void graph.context.suspend().catch(() => undefined)
  }

  /** Releases the audio graph (logout). */
  dispose(): void {
    this.stop()
    const graph = this.#graph
    this.#graph = null
    this.#deviceId = null
    if (!graph) return
    graph.element.srcObject = null
    void graph.context.close().catch(() => undefined)
  }

  /** Re-read after an await: stop() may have run meanwhile. */
  #stillRinging(): boolean {
    return this.#ringing
  }

  #build(): RingerGraph {
    const context = new AudioContext()
    const gain = context.createGain()
    gain.gain.value = 0
    const oscillator = context.createOscillator()
    oscillator.frequency.value = TONE_HZ
    const destination = context.createMediaStreamDestination()
    oscillator.connect(gain).connect(destination)
    oscillator.start()
    const element = new Audio()
    element.srcObject = destination.stream
    this.#graph = { context, gain, element }
    return this.#graph
  }

  async #route(graph: RingerGraph, deviceId: string | null): Promise<void> {
    this.#deviceId = deviceId
    await routeAudio(graph.element, deviceId).catch(() => undefined)
  }
}

/**
 * Plays a short tone on an output (null: default), for the agent to check they hear it there.
 * Resolves when the tone has finished.
 */
export async function playTestTone(deviceId: string | null, hz = 440, ms = 1000): Promise<void> {
  const context = new AudioContext()
  const oscillator = context.createOscillator()
  oscillator.frequency.value = hz
  const gain = context.createGain()
  gain.gain.value = LEVEL
  const destination = context.createMediaStreamDestination()
  oscillator.connect(gain).connect(destination)
  const element = new Audio()
  element.srcObject = destination.stream
  try {
    await routeAudio(element, deviceId)
    void context.resume().catch(() => undefined)
    oscillator.start()
    await element.play()
    await new Promise((resolve) => setTimeout(resolve, ms))
  } finally {
    oscillator.stop()
    element.pause()
    element.srcObject = null
    await context.close()
  }
}
