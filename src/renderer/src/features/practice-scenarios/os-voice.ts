/**
 * The operating system's voices for a practice line the server has no audio for (no espeak-ng
 * there, or a line rendered since): the desktop speaks it, in the line's language, when it has a
 * voice for that language. Speech cannot be routed to a device (no `setSinkId` for it), so it is
 * used only while the call speaker is the system default output, where it is heard on the call's
 * device; on a chosen headset the line stays text only, never spoken into the room.
 */
import type { Language } from '@shared/domain/customer'

import type { Playback } from './practice-voice'

/** What this module needs of `speechSynthesis` (a fake in tests). */
export interface SpeechOutput {
  getVoices(): readonly Pick<SpeechSynthesisVoice, 'lang' | 'localService'>[]
  speak(utterance: SpeechSynthesisUtterance): void
  cancel(): void
}

export type MakeUtterance = (
  text: string,
  language: Language,
  voice: Pick<SpeechSynthesisVoice, 'lang'>
) => SpeechSynthesisUtterance

const browserUtterance: MakeUtterance = (text, language, voice) => {
  const utterance = new SpeechSynthesisUtterance(text)
  utterance.lang = voice.lang || language
  utterance.voice = voice as SpeechSynthesisVoice
  return utterance
}

/** A voice on this machine for `language`; never a network one, which would send the lines out. */
export function voiceFor<V extends Pick<SpeechSynthesisVoice, 'lang' | 'localService'>>(
  voices: readonly V[],
  language: Language
): V | null {
  const matching = voices.filter((v) => v.lang.toLowerCase().split(/[-_]/)[0] === language)
  return matching.find((v) => v.localService) ?? null
}

/**
 * `speak(language, text)`: the line playing in the system's voice, or null when there is no
 * local voice for the language or the call speaker is not the default output.
 */
export function osVoice(
  output: SpeechOutput | null,
  speakerIsDefault: () => boolean,
  utterance: MakeUtterance = browserUtterance
): (language: Language, text: string) => Playback | null {
  return (language, text) => {
    if (output === null || !speakerIsDefault()) return null
    const voice = voiceFor(output.getVoices(), language)
    if (voice === null) return null
    const line = utterance(text, language, voice)
    const done = new Promise<void>((resolve) => {
      line.onend = () => {
        resolve()
      }
      line.onerror = () => {
        resolve()
      }
    })
    output.speak(line)
    return {
      done,
      stop: () => {
        output.cancel()
      }
    }
  }
}

/** This desktop's speech, when the page has it. */
export function systemSpeech(): SpeechOutput | null {
  return typeof speechSynthesis === 'undefined' ? null : speechSynthesis
}
