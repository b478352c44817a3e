import type { StateCreator } from 'zustand'

import type { RunState } from '@shared/scripts/run-state'
import type { RunView } from '@shared/scripts/run-view'
import type { AppState } from '../../stores/app-store'

export interface ScriptRunSlice {
  scriptRun: {
    /** The call the run belongs to; null outside a call. */
    callId: string | null
    state: RunState | null
    view: RunView | null
    /** Why the last event was refused (e.g. a required answer is missing). */
    error: string | null
    /** Bumped when published scripts changed the catalog, so views re-read it. */
    catalogVersion: number
  }
  scriptCatalogChanged: () => void
  scriptRunChanged: (callId: string, state: RunState, view: RunView) => void
  scriptRunRefused: (message: string) => void
  scriptRunCleared: () => void
}

const empty: Omit<ScriptRunSlice['scriptRun'], 'catalogVersion'> = {
  callId: null,
  state: null,
  view: null,
  error: null
}

export const createScriptRunSlice: StateCreator<AppState, [], [], ScriptRunSlice> = (set) => ({
  scriptRun: { ...empty, catalogVersion: 0 },
  scriptCatalogChanged: () => {
    set((s) => ({ scriptRun: { ...s.scriptRun, catalogVersion: s.scriptRun.catalogVersion + 1 } }))
  },
  scriptRunChanged: (callId, state, view) => {
    set((s) => ({ scriptRun: { ...s.scriptRun, callId, state, view, error: null } }))
  },
  scriptRunRefused: (message) => {
    set((s) => ({ scriptRun: { ...s.scriptRun, error: message } }))
  },
  scriptRunCleared: () => {
    // Every ring clears the runner: when nothing shows, no change (and no re-render) follows.
    set((s) =>
      s.scriptRun.callId === null &&
      s.scriptRun.state === null &&
      s.scriptRun.view === null &&
      s.scriptRun.error === null
        ? s
        : { scriptRun: { ...s.scriptRun, ...empty } }
    )
  }
})
