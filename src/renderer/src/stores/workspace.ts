/**
 * Where the person is in the app shell: the open workspace and, on the agent desk, which case
 * tool is open. Kept in the one store so a feature can ask for a tool (a script's "file a
 * complaint") without knowing the shell, and the shell can follow the call (wrap-up opens its form).
 */
import type { StateCreator } from 'zustand'

import type { AppState } from './app-store'

export const workspaceIds = ['desk', 'complaints', 'team', 'training', 'quality', 'admin'] as const
export type WorkspaceId = (typeof workspaceIds)[number]

export const caseTools = ['complaint', 'callback', 'wrapUp'] as const
export type CaseTool = (typeof caseTools)[number]

export interface WorkspaceSlice {
  workspace: {
    current: WorkspaceId
    /** The case tool shown beside the script, or null when the drawer is closed. */
    caseTool: CaseTool | null
  }
  workspaceOpened: (id: WorkspaceId) => void
  caseToolOpened: (tool: CaseTool) => void
  caseToolClosed: () => void
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set) => ({
  workspace: { current: 'desk', caseTool: null },
  workspaceOpened: (id) => {
    set((s) => ({ workspace: { ...s.workspace, current: id } }))
  },
  caseToolOpened: (tool) => {
    set((s) => ({ workspace: { ...s.workspace, caseTool: tool } }))
  },
  caseToolClosed: () => {
    set((s) => ({ workspace: { ...s.workspace, caseTool: null } }))
  }
})
