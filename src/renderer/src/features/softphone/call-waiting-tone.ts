/**
 * The call-waiting cue: two short beeps every few seconds in the agent's ear (the call output,
 * where the customer's voice is), quiet enough not to drown the customer, while a second call
 * rings. Not the ringtone: the agent is on a call, and a full ring would be rude to both.
 */
import { routeAudio } from '../../telephony/sip-media'

const BEEP_HZ = 440
const BEEP_SECONDS = 0.15
const GAP_SECONDS = 0.1
const REPEAT_MS = 4000
const GAIN = 0.08

interface Playing {
  context: AudioContext
  element: HTMLAudioElement
  timer: ReturnType<typeof setInterval>
}

let playing: Playing | null = null

function beepTwice(context: AudioContext, destination: AudioNode): void {
  for (const offset of [0, BEEP_SECONDS + GAP_SECONDS]) {
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.frequency.value = BEEP_HZ
    gain.gain.value = GAIN
    oscillator.connect(gain).connect(destination)
    const start = context.currentTime + offset
    oscillator.start(start)
    oscillator.stop(start + BEEP_SECONDS)
  }
}

/**
 * Starts the cue on `deviceId` (null: the default output) or stops it; idempotent. No-op where
 * WebAudio is missing (unit tests, old shells).
 */
export function setCallWaitingTone(isOn: boolean, deviceId: string | null = null): void {
  if (!isOn) {
    if (!playing) return
    clearInterval(playing.timer)
    playing.element.pause()
    playing.element.srcObject = null
    void playing.context.close().catch(() => undefined)
    playing = null
    return
  }
  if (playing || typeof AudioContext === 'undefined') return
  const context = new AudioContext()
  const destination = context.createMediaStreamDestination()
  // An audio element, not the context's own output, so the cue follows the chosen headset.
  const element = new Audio()
  element.srcObject = destination.stream
  void routeAudio(element, deviceId)
    .catch(() => undefined)
    .then(() => element.play())
    .catch(() => undefined)
  void context.resume().catch(() => undefined)
  beepTwice(context, destination)
  const timer = setInterval(() => {
    beepTwice(context, destination)
  }, REPEAT_MS)
  playing = { context, element, timer }
}
