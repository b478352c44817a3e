/**
 * Audio devices as the phone sees them: what is plugged in, and which device to use when the
 * chosen one is gone. The fallback is always the system default (null), never "another device":
 * the default is what the operating system and the agent expect when a headset is unplugged.
 */

export type AudioDeviceKind = 'audioinput' | 'audiooutput'

export interface AudioDevice {
  deviceId: string
  kind: AudioDeviceKind
  label: string
}

/** The three roles a device plays for the softphone; the ringer is an output too. */
export interface AudioDeviceChoice {
  microphoneId: string | null
  speakerId: string | null
  ringerId: string | null
}

export const defaultDevices: AudioDeviceChoice = {
  microphoneId: null,
  speakerId: null,
  ringerId: null
}

export const deviceRoles = ['microphoneId', 'speakerId', 'ringerId'] as const

/** Browsers list the default device under the id `default` (and `communications` on Windows). */
const SYSTEM_IDS = new Set(['', 'default', 'communications'])

/** The chosen device if it is still plugged in, otherwise the default (null). */
export function resolveDevice(
  chosenId: string | null,
  kind: AudioDeviceKind,
  available: readonly AudioDevice[]
): string | null {
  if (chosenId === null || SYSTEM_IDS.has(chosenId)) return null
  return available.some((d) => d.kind === kind && d.deviceId === chosenId) ? chosenId : null
}

/** Every role resolved against what is plugged in now. */
export function resolveChoice(
  choice: AudioDeviceChoice,
  available: readonly AudioDevice[]
): AudioDeviceChoice {
  return {
    microphoneId: resolveDevice(choice.microphoneId, 'audioinput', available),
    speakerId: resolveDevice(choice.speakerId, 'audiooutput', available),
    ringerId: resolveDevice(choice.ringerId, 'audiooutput', available)
  }
}

/** The roles whose device vanished between `before` and `after`, e.g. to tell the agent. */
export function vanishedRoles(
  before: AudioDeviceChoice,
  after: AudioDeviceChoice
): (keyof AudioDeviceChoice)[] {
  return deviceRoles.filter((role) => before[role] !== null && after[role] === null)
}

/** Audio devices from `enumerateDevices()`, without the system aliases (offered as "default"). */
export function audioDevices(devices: readonly MediaDeviceInfo[]): AudioDevice[] {
  return devices.flatMap((d) =>
    (d.kind === 'audioinput' || d.kind === 'audiooutput') && !SYSTEM_IDS.has(d.deviceId)
      ? [{ deviceId: d.deviceId, kind: d.kind, label: d.label }]
      : []
  )
}

export async function listAudioDevices(): Promise<AudioDevice[]> {
  return audioDevices(await navigator.mediaDevices.enumerateDevices())
}
