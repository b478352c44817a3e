import type { StateCreator } from 'zustand'

import type { RunState } from '../../../../shared/scripts/run-state'
import type { RunView } from '../../../../shared/scripts/run-view'
import type { AppState } from '../../stores/app-store'

export interface ScriptRunSlice {
  scriptRun: {
    /** The call the run belongs to; null outside a call. */
    callId: string | null
    state: RunState | null
    view: RunView | null
    /** Why the last event was refused (e.g. a required answer is missing). */
    error: string | null
  }
  scriptRunChanged: (callId: string, state: RunState, view: RunView) => void
  scriptRunRefused: (message: string) => void
  scriptRunCleared: () => void
}

const empty: ScriptRunSlice['scriptRun'] = { callId: null, state: null, view: null, error: null }

export const createScriptRunSlice: StateCreator<AppState, [], [], ScriptRunSlice> = (set) => ({
  scriptRun: empty,
  scriptRunChanged: (callId, state, view) => {
    set({ scriptRun: { callId, state, view, error: null } })
  },
  scriptRunRefused: (message) => {
    set((s) => ({ scriptRun: { ...s.scriptRun, error: message } }))
  },
  scriptRunCleared: () => {
    set({ scriptRun: empty })
  }
})
