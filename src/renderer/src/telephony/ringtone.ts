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

export class Ringtone {
  #context: AudioContext | null = null
  #element: HTMLAudioElement | null = null
  #timer: ReturnType<typeof setInterval> | undefined

  get isRinging(): boolean {
    return this.#context !== null
  }

  /** Starts ringing on `deviceId` (null: default output); a second start only moves it. */
  async start(deviceId: string | null): Promise<void> {
    if (this.#element) {
      await routeAudio(this.#element, deviceId)
      return
    }
    const context = new AudioContext()
    const gain = context.createGain()
    gain.gain.value = 0
    const oscillator = context.createOscillator()
    oscillator.frequency.value = TONE_HZ
    const destination = context.createMediaStreamDestination()
    oscillator.connect(gain).connect(destination)
    // One ring per period, scheduled on the audio clock (exact cadence even if timers lag).
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
    oscillator.start()
    const element = new Audio()
    element.srcObject = destination.stream
    this.#context = context
    this.#element = element
    await routeAudio(element, deviceId).catch(() => undefined)
    // Without a user gesture (browser edition) these may wait or fail; ringing is best effort.
    void context.resume().catch(() => undefined)
    await element.play().catch(() => undefined)
  }

  stop(): void {
    clearInterval(this.#timer)
    this.#element?.pause()
    if (this.#element) this.#element.srcObject = null
    void this.#context?.close()
    this.#context = null
    this.#element = null
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
