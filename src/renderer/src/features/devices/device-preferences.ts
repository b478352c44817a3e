/**
 * Which microphone, speaker and ringer this machine uses: a per-machine UI preference in
 * localStorage (device ids mean nothing on another computer, so it is never synced).
 */
import { z } from 'zod'

import { defaultDevices, type AudioDeviceChoice } from '../../telephony/media-devices'

const STORAGE_KEY = 'atiende.audio-devices'

const choiceSchema = z.object({
  microphoneId: z.string().nullable(),
  speakerId: z.string().nullable(),
  ringerId: z.string().nullable()
})

/** Outside a browser (unit tests in Node) there is no storage: the defaults. */
export function loadDeviceChoice(
  storage = globalThis.localStorage as Storage | undefined
): AudioDeviceChoice {
  try {
    const parsed = choiceSchema.safeParse(JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null'))
    return parsed.success ? parsed.data : defaultDevices
  } catch {
    return defaultDevices
  }
}

export function saveDeviceChoice(choice: AudioDeviceChoice, storage: Storage = localStorage) {
  storage.setItem(STORAGE_KEY, JSON.stringify(choiceSchema.parse(choice)))
}
