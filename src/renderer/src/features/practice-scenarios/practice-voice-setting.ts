/**
 * Whether the practice customer speaks aloud, kept on this workstation (like the phone settings):
 * a trainee in an open-plan room, or one reading along, turns the voice off and keeps the text.
 */
const KEY = 'atiende.practice-voice'

export function practiceVoiceOn(
  storage: Pick<Storage, 'getItem'> | null = localStorageOrNull()
): boolean {
  return storage?.getItem(KEY) !== 'off'
}

export function setPracticeVoiceOn(
  on: boolean,
  storage: Pick<Storage, 'setItem'> | null = localStorageOrNull()
): void {
  try {
    storage?.setItem(KEY, on ? 'on' : 'off')
  } catch {
    // A full or blocked storage only forgets the choice at the next start.
  }
}

function localStorageOrNull(): Storage | null {
  try {
    return globalThis.localStorage
  } catch {
    return null
  }
}
