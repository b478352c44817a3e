/** The one bound store, made of one typed slice per feature. Domain data lives in the worker. */
import { create } from 'zustand'

import { createAgentStateSlice, type AgentStateSlice } from '../features/agent-state/store'
import { createAuthSlice, type AuthSlice } from '../features/auth/store'
import { createFloorSlice, type FloorSlice } from '../features/floor/store'
import { createMonitoringSlice, type MonitoringSlice } from '../features/monitoring/store'
import { createPresenceSlice, type PresenceSlice } from '../features/presence/store'
import { createPracticeSlice, type PracticeSlice } from '../features/practice-scenarios/store'
import { createRoleplaySlice, type RoleplaySlice } from '../features/roleplay/store'
import { createComplaintsSlice, type ComplaintsSlice } from '../features/complaints/store'
import { createScreenPopSlice, type ScreenPopSlice } from '../features/screen-pop/store'
import { createSoftphoneSlice, type SoftphoneSlice } from '../features/softphone/store'
import { createScriptRunSlice, type ScriptRunSlice } from '../features/scripts/store'
import { createSyncSlice, type SyncSlice } from '../features/sync-status/store'
import { createWrapUpSlice, type WrapUpSlice } from '../features/wrap-up/store'
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace'

export type AppState = AgentStateSlice &
  AuthSlice &
  SoftphoneSlice &
  ScreenPopSlice &
  ComplaintsSlice &
  SyncSlice &
  ScriptRunSlice &
  WrapUpSlice &
  WorkspaceSlice &
  FloorSlice &
  PresenceSlice &
  MonitoringSlice &
  PracticeSlice &
  RoleplaySlice

export const useAppStore = create<AppState>()((...a) => ({
  ...createAgentStateSlice(...a),
  ...createAuthSlice(...a),
  ...createSoftphoneSlice(...a),
  ...createScreenPopSlice(...a),
  ...createComplaintsSlice(...a),
  ...createSyncSlice(...a),
  ...createScriptRunSlice(...a),
  ...createWrapUpSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createFloorSlice(...a),
  ...createPresenceSlice(...a),
  ...createMonitoringSlice(...a),
  ...createPracticeSlice(...a),
  ...createRoleplaySlice(...a)
}))

const initialState = useAppStore.getState()

/** Test helper: back to a fresh store. */
export function resetAppStore(): void {
  useAppStore.setState(initialState, true)
}
