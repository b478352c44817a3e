/**
 * What this desk adds to its live presence beyond the phone, the state and the script: a raised
 * hand. It stays raised until the agent lowers it or a lead answers it (a whisper that answers
 * the hand).
 */
import type { StateCreator } from 'zustand'

import type { AppState } from '@renderer/stores/app-store'

export interface PresenceSlice {
  presence: {
    handRaisedAt: string | null
  }
  handRaised: (at: string) => void
  handLowered: () => void
}

export const createPresenceSlice: StateCreator<AppState, [], [], PresenceSlice> = (set) => ({
  presence: { handRaisedAt: null },
  handRaised: (at) => {
    set((s) => ({ presence: { ...s.presence, handRaisedAt: s.presence.handRaisedAt ?? at } }))
  },
  handLowered: () => {
    set((s) => ({ presence: { ...s.presence, handRaisedAt: null } }))
  }
})
