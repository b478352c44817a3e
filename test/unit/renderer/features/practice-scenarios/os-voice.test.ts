/**
 * The operating system's voice for a practice line without audio: a local voice in the line's
 * language, only while the call speaker is the default output. A fake `speechSynthesis` (the
 * test browser has no voices; a real desktop's are exercised by hand).
 */
import { describe, expect, it } from 'vitest'

import {
  osVoice,
  voiceFor,
  type SpeechOutput
} from '@renderer/features/practice-scenarios/os-voice'

const voices = [
  { lang: 'en-US', localService: false },
  { lang: 'es-ES', localService: false },
  { lang: 'es_MX', localService: true },
  { lang: 'en-GB', localService: true }
]

interface FakeLine {
  text: string
  lang: string
  onend: (() => void) | null
  onerror: (() => void) | null
}

function fakeSpeech(available = voices) {
  const spoken: FakeLine[] = []
  let cancelled = 0
  const output: SpeechOutput = {
    getVoices: () => available,
    speak: (u) => {
      spoken.push(u as unknown as FakeLine)
    },
    cancel: () => {
      cancelled++
    }
  }
  const utterance = (text: string, _language: string, voice: { lang: string }) =>
    ({ text, lang: voice.lang, onend: null, onerror: null }) as unknown as SpeechSynthesisUtterance
  return { output, spoken, utterance, cancelled: () => cancelled }
}

describe("the desktop's voice", () => {
  it('picks a voice on this machine in the language, never a network one', () => {
    expect(voiceFor(voices, 'es')?.lang).toBe('es_MX')
    expect(voiceFor(voices, 'en')?.lang).toBe('en-GB')
    expect(voiceFor(voices.slice(0, 2), 'es')).toBeNull()
  })

  it('speaks the line and ends with it; stopping cancels the speech', async () => {
    const fake = fakeSpeech()
    const speak = osVoice(fake.output, () => true, fake.utterance)
    const playback = speak('es', 'Quiero darme de baja.')
    expect(fake.spoken.map((l) => [l.text, l.lang])).toEqual([['Quiero darme de baja.', 'es_MX']])
    fake.spoken[0]?.onend?.()
    await playback?.done
    playback?.stop()
    expect(fake.cancelled()).toBe(1)
  })

  it('says nothing on a chosen headset, without a voice, or without speech at all', () => {
    const fake = fakeSpeech()
    expect(osVoice(fake.output, () => false, fake.utterance)('es', 'Hola')).toBeNull()
    expect(osVoice(fakeSpeech([]).output, () => true, fake.utterance)('en', 'Hi')).toBeNull()
    expect(osVoice(null, () => true, fake.utterance)('en', 'Hi')).toBeNull()
    expect(fake.spoken).toEqual([])
  })

  it('ends a line the speech failed on, so the next one plays', async () => {
    const fake = fakeSpeech()
    const playback = osVoice(fake.output, () => true, fake.utterance)('en', 'Hello')
    fake.spoken[0]?.onerror?.()
    await expect(playback?.done).resolves.toBeUndefined()
  })
})
