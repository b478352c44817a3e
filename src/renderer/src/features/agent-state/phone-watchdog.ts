/**
 * Decides whether the phone can take calls. An agent marked Ready whose phone cannot ring is the
 * worst failure a contact center has: callers wait for someone who never hears them.
 */
export type PhoneProblem = 'not_registered' | 'microphone_denied' | 'no_microphone'

export type MicrophonePermission = 'granted' | 'denied' | 'prompt' | 'unknown'

export interface PhoneHealthInputs {
  /** The SIP line; `unconfigured` means this user has practice calls only, not a problem. */
  line: 'unconfigured' | 'registered' | 'connecting' | 'unregistered' | 'stopped'
  /** Since when the line has not been registered (ISO), null while registered. */
  lineDownSince: string | null
  microphone: MicrophonePermission
  /** Audio inputs the browser reports; null when it cannot tell (no mediaDevices). */
  audioInputs: number | null
  now: Date
}

/**
 * A re-REGISTER after a network blip takes a second or two; alarming on every blip would teach
 * agents to ignore the alarm.
 */
export const LINE_DOWN_GRACE_MS = 10_000

export function phoneProblems(inputs: PhoneHealthInputs): PhoneProblem[] {
  // Without a SIP line the user takes practice calls only: nothing can fail to ring.
  if (inputs.line === 'unconfigured') return []
  const problems: PhoneProblem[] = []
  if (inputs.line !== 'registered') {
    const since = inputs.lineDownSince ? Date.parse(inputs.lineDownSince) : Number.NaN
    const downFor = Number.isNaN(since) ? 0 : inputs.now.getTime() - since
    if (downFor >= LINE_DOWN_GRACE_MS) problems.push('not_registered')
  }
  if (inputs.microphone === 'denied') problems.push('microphone_denied')
  if (inputs.audioInputs === 0) problems.push('no_microphone')
  return problems
}
