/**
 * The lead's live floor as the realtime channel delivers it: one entry per agent the lead may
 * see, replaced whole at each (re)connection and then entry by entry. `live` is false while the
 * lead's own connection is down: the floor is then out of date, not a floor of lost agents.
 */
import type { StateCreator } from 'zustand'

import type { FloorEntry } from '@shared/presence/presence'
import type { AppState } from '@renderer/stores/app-store'

export interface FloorSlice {
  floor: {
    /** By agent id. */
    entries: Readonly<Record<string, FloorEntry>>
    /** The lead's own realtime connection is up and has delivered the floor. */
    live: boolean
    /** When the floor stopped being live (ISO), or null while live or before the first floor. */
    staleSince: string | null
    /** A floor has been received at least once in this session. */
    received: boolean
  }
  floorReplaced: (entries: readonly FloorEntry[]) => void
  floorEntryChanged: (entry: FloorEntry) => void
  floorConnectionLost: (at: string) => void
  floorCleared: () => void
}

const empty: FloorSlice['floor'] = { entries: {}, live: false, staleSince: null, received: false }

export const createFloorSlice: StateCreator<AppState, [], [], FloorSlice> = (set) => ({
  floor: empty,
  floorReplaced: (entries) => {
    set({
      floor: {
        entries: Object.fromEntries(entries.map((e) => [e.agentId, e])),
        live: true,
        staleSince: null,
        received: true
      }
    })
  },
  floorEntryChanged: (entry) => {
    set((s) => ({
      floor: { ...s.floor, entries: { ...s.floor.entries, [entry.agentId]: entry } }
    }))
  },
  floorConnectionLost: (at) => {
    set((s) =>
      s.floor.live ? { floor: { ...s.floor, live: false, staleSince: at } } : { floor: s.floor }
    )
  },
  floorCleared: () => {
    set({ floor: empty })
  }
})
