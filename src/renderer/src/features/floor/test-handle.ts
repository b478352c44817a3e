/**
 * A way to fill the floor by hand in development and in the e2e layout spec, until the realtime
 * transport can be driven from a test: `window.__atiendeFloor` (see docs/live-floor.md, "The
 * floor"). Installed only when the build's mode is not `production` (`npm run dev`, or
 * `electron-vite build --mode e2e`), so a production build has neither the handle nor the demo.
 */
import { useSyncExternalStore } from 'react'

import type { FloorEntry } from '@shared/presence/presence'
import { useAppStore } from '@renderer/stores/app-store'

import { demoFloor } from './demo-floor'
import type { RosterAgent } from './floor-rows'

export interface FloorTestHandle {
  /** Replaces the floor with these entries (as a (re)connection does). */
  replace(entries: FloorEntry[]): void
  /** One entry changed. */
  change(entry: FloorEntry): void
  /** The lead's own connection dropped at `at` (ISO). */
  connectionLost(at: string): void
  /** Shows these agents instead of the configuration's (null: the configuration's again). */
  roster(agents: RosterAgent[] | null): void
  /** A made-up floor of `count` agents over `teams` teams, roster and entries. */
  demo(count?: number, teams?: number): void
}

declare global {
  interface Window {
    __atiendeFloor?: FloorTestHandle
  }
}

let roster: RosterAgent[] | null = null
const listeners = new Set<() => void>()
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
const setRoster = (agents: RosterAgent[] | null) => {
  roster = agents
  for (const listener of listeners) listener()
}

/** The roster the handle set, or null (always null in a production build). */
export function useTestRoster(): RosterAgent[] | null {
  return useSyncExternalStore(subscribe, () => roster)
}

export function installFloorTestHandle(): void {
  if (import.meta.env.MODE === 'production' || window.__atiendeFloor) return
  const store = useAppStore.getState
  window.__atiendeFloor = {
    replace: (entries) => {
      store().floorReplaced(entries)
    },
    change: (entry) => {
      store().floorEntryChanged(entry)
    },
    connectionLost: (at) => {
      store().floorConnectionLost(at)
    },
    roster: setRoster,
    demo: (count = 25, teams = 1) => {
      const demo = demoFloor(count, Date.now(), teams)
      setRoster(demo.roster)
      store().floorReplaced(demo.entries)
    }
  }
}
