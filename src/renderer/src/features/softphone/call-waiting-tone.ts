/**
 * The call-waiting cue: two short beeps every few seconds in the agent's ear, quiet enough not to
 * drown the customer, while a second call rings. Not the ringtone: the agent is on a call, and a
 * full ring on the headset would be rude to both parties.
 */
const BEEP_HZ = 440
const BEEP_SECONDS = 0.15
const GAP_SECONDS = 0.1
const REPEAT_MS = 4000
const GAIN = 0.08

let context: AudioContext | null = null
let timer: ReturnType<typeof setInterval> | null = null

function beepTwice(audio: AudioContext): void {
  for (const offset of [0, BEEP_SECONDS + GAP_SECONDS]) {
    const oscillator = audio.createOscillator()
    const gain = audio.createGain()
    oscillator.frequency.value = BEEP_HZ
    gain.gain.value = GAIN
    oscillator.connect(gain).connect(audio.destination)
    const start = audio.currentTime + offset
    oscillator.start(start)
    oscillator.stop(start + BEEP_SECONDS)
  }
}

/** Starts or stops the cue; idempotent. No-op where WebAudio is missing (tests, old shells). */
export function setCallWaitingTone(isOn: boolean): void {
  if (!isOn) {
    if (timer) clearInterval(timer)
    timer = null
    return
  }
  if (timer || typeof AudioContext === 'undefined') return
  context ??= new AudioContext()
  const audio = context
  audio.resume().catch(() => undefined)
  beepTwice(audio)
  timer = setInterval(() => {
    beepTwice(audio)
  }, REPEAT_MS)
}
