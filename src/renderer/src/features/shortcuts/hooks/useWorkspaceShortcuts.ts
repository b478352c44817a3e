import { useAppStore } from '@renderer/stores/app-store'
import type { CaseTool, WorkspaceId } from '@renderer/stores/workspace'
import type { ShortcutId } from '@shared/keyboard'
import { useShortcut } from './useShortcut'

/** Each workspace's key in the keyboard map: the same key for everyone, whatever their role. */
export const workspaceShortcuts: Readonly<Record<WorkspaceId, ShortcutId>> = {
  desk: 'nav.agentDesk',
  complaints: 'nav.complaints',
  team: 'nav.teamLive',
  training: 'nav.training',
  quality: 'nav.quality',
  admin: 'nav.admin'
}

/** Each case tool's key: it opens the agent desk's drawer on that tool. */
export const caseToolShortcuts: Readonly<Record<CaseTool, ShortcutId>> = {
  complaint: 'case.complaint',
  callback: 'case.callback',
  wrapUp: 'case.wrapUp'
}

function useWorkspaceKey(id: WorkspaceId, workspaces: readonly WorkspaceId[]): void {
  useShortcut(workspaceShortcuts[id], () => {
    // A workspace the role does not have leaves the key unclaimed.
    if (!workspaces.includes(id)) return false
    useAppStore.getState().workspaceOpened(id)
  })
}

function useCaseToolKey(tool: CaseTool, workspaces: readonly WorkspaceId[]): void {
  useShortcut(caseToolShortcuts[tool], () => {
    if (!workspaces.includes('desk')) return false
    const store = useAppStore.getState()
    store.workspaceOpened('desk')
    store.caseToolOpened(tool)
  })
}

/**
 * The shell's keys: Alt+1… to the person's workspaces (`workspaces`, the ones their role has)
 * and the case tools' keys to the agent desk's drawer, all from the keyboard map.
 */
export function useWorkspaceShortcuts(workspaces: readonly WorkspaceId[]): void {
  useWorkspaceKey('desk', workspaces)
  useWorkspaceKey('complaints', workspaces)
  useWorkspaceKey('team', workspaces)
  useWorkspaceKey('training', workspaces)
  useWorkspaceKey('quality', workspaces)
  useWorkspaceKey('admin', workspaces)
  useCaseToolKey('complaint', workspaces)
  useCaseToolKey('callback', workspaces)
  useCaseToolKey('wrapUp', workspaces)
}
