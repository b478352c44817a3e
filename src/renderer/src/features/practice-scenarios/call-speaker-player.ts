/**
 * The practice customer's audio output: decoded WAVs played through an audio element on the
 * **call speaker** (`playOnCallSpeaker`), the device a real call's remote audio uses, so the
 * trainee hears the customer where a customer is heard. The element plays a MediaStream (a
 * WebAudio destination the decoded lines are sent to) rather than a blob URL: `setSinkId` works
 * on it like on a call's remote stream, and the line can be cut short when the call ends.
 */
import type { Language } from '@shared/domain/customer'
import { practiceAudioKey } from '@shared/practice/practice-audio'
import { dataClient } from '@renderer/data/data-client'
import { callSpeakerIsDefault, playOnCallSpeaker } from '@renderer/telephony/sip-media'

import { osVoice, systemSpeech } from './os-voice'
import type { Playback, VoiceDeps } from './practice-voice'

const webSha256 = (bytes: Uint8Array) => crypto.subtle.digest('SHA-256', new Uint8Array(bytes))

/**
 * The desk's voice: keys by Web Crypto, WAVs through the data worker, output on the speaker; a
 * line without a WAV in the system's voice where it reaches the call (os-voice.ts).
 */
export function callSpeakerVoice(): VoiceDeps {
  let output: { context: AudioContext; destination: MediaStreamAudioDestinationNode } | null = null
  let element: HTMLAudioElement | null = null
  let release: (() => void) | null = null

  const open = async () => {
    if (!output) {
      const context = new AudioContext()
      const destination = context.createMediaStreamDestination()
      output = { context, destination }
      element = document.createElement('audio')
      element.srcObject = destination.stream
      release = playOnCallSpeaker(element)
      // Autoplay may be refused without a gesture; starting the practice call usually was one.
      await element.play().catch(() => undefined)
    }
    await output.context.resume().catch(() => undefined)
    return output
  }

  return {
    keyOf: (language: Language, text: string) => practiceAudioKey(language, text, webSha256),
    fetchWav: async (key) => {
      const client = dataClient()
      if (!client) return null
      const result = await client.send('practice:audio', { key })
      return result.ok ? result.data.wav : null
    },
    play: async (wav): Promise<Playback> => {
      const { context, destination } = await open()
      const buffer = await context.decodeAudioData(wav.slice(0))
      const source = context.createBufferSource()
      source.buffer = buffer
      source.connect(destination)
      const done = new Promise<void>((resolve) => {
        source.onended = () => {
          source.disconnect()
          resolve()
        }
      })
      source.start()
      return {
        done,
        stop: () => {
          try {
            source.stop()
          } catch {
            // Already ended.
          }
        }
      }
    },
    speak: osVoice(systemSpeech(), callSpeakerIsDefault),
    close: () => {
      release?.()
      release = null
      if (element) {
        element.pause()
        element.srcObject = null
        element = null
      }
      void output?.context.close().catch(() => undefined)
      output = null
    }
  }
}
