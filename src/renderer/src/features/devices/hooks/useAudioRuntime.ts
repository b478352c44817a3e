import { useEffect, useSyncExternalStore } from 'react'

import { audioState, startAudioRuntime, subscribeAudio, type AudioState } from '../audio-runtime'

/** Runs the workstation's audio (warm microphone, ringer, device changes) while mounted. */
export function useAudioRuntime(): void {
  useEffect(() => startAudioRuntime(), [])
}

/** The devices and the agent's choice, re-rendered when either changes. */
export function useAudioState(): AudioState {
  return useSyncExternalStore(subscribeAudio, audioState)
}
