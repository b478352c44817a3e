/**
 * `usePracticeAudio(lines, language)`: the practice customer speaks each line that appears at the
 * end of the transcript, once, on the call speaker, while the call is up (answered or held);
 * the voice stops when the call ends or the panel goes. See practice-voice.ts for what counts as
 * new.
 */
import { useEffect, useRef } from 'react'

import type { Language } from '@shared/domain/customer'
import { useAppStore } from '@renderer/stores/app-store'

import { callSpeakerVoice } from './call-speaker-player'
import { linesToSpeak, PracticeVoice } from './practice-voice'

interface CallVoice {
  callId: string
  /** Null while the voice is off: lines still count as heard, so turning it on says no backlog. */
  voice: PracticeVoice | null
  heard: readonly string[]
}

export function usePracticeAudio(
  lines: readonly string[],
  language: Language,
  enabled = true
): void {
  const live = useAppStore((s) => {
    const call = s.phone.call
    const up = s.phone.phase === 'active' || s.phone.phase === 'held'
    return call?.practice && up ? call.id : null
  })
  const current = useRef<CallVoice | null>(null)
  // The lines by content: the caller may pass a new array of the same lines on every render.
  const said = JSON.stringify(lines)

  useEffect(() => {
    if (live === null) {
      current.current?.voice?.stop()
      current.current = null
      return
    }
    let call = current.current
    if (call?.callId !== live) {
      call?.voice?.stop()
      call = { callId: live, voice: null, heard: [] }
      current.current = call
    }
    const next = linesToSpeak(call.heard, JSON.parse(said) as string[])
    call.heard = next.heard
    if (!enabled) {
      call.voice?.stop()
      call.voice = null
      return
    }
    call.voice ??= new PracticeVoice(callSpeakerVoice())
    if (next.speak.length > 0) call.voice.say(next.speak, language)
  }, [live, said, language, enabled])

  useEffect(
    () => () => {
      current.current?.voice?.stop()
      current.current = null
    },
    []
  )
}
