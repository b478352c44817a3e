import { Keyboard } from 'lucide-react'
import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import type { WorkspaceId } from '@renderer/stores/workspace'
import { AgentStateControl, ForcedStateNotice, PhoneProblemAlert } from '../features/agent-state'
import { RaiseHandButton } from '../features/coaching'
import { MonitoredIndicator } from '../features/monitoring'
import { useAudioRuntime } from '../features/devices'
import { CallerSummary } from '../features/screen-pop'
import { CallBar, useSoftphone } from '../features/softphone'
import { SyncStatusBar } from '../features/sync-status'
import { ariaKeyShortcuts, ShortcutSheet, useWorkspaceShortcuts } from '../features/shortcuts'
import { publishDeskPresence } from '../features/presence'
import { watchWrapUp } from '../features/wrap-up'
import { watchPracticeCalls } from '../features/practice-scenarios'
import { RoleplayInvitedNotice, watchRoleplayInvitations } from '../features/roleplay'
import { trainingApi } from '../features/training-progress'
import { AgentDesk } from './desk/AgentDesk'
import { followCallWithCaseTools } from './desk/follow-call'
import { ErrorBoundary } from './ErrorBoundary'
import { UserMenu } from './UserMenu'
import {
  homeWorkspace,
  prefetchWorkspaces,
  workspaceLoaders,
  workspacesFor
} from './workspaces/catalog'
import { WorkspaceNav } from './WorkspaceNav'

const splitWorkspaces = {
  complaints: lazy(workspaceLoaders.complaints),
  team: lazy(workspaceLoaders.team),
  training: lazy(workspaceLoaders.training),
  quality: lazy(workspaceLoaders.quality),
  admin: lazy(workspaceLoaders.admin)
} as const

/** While away from the desk during a call: one click (or Alt+1) back to the card and script. */
function BackToDesk() {
  const { t } = useTranslation()
  const away = useAppStore((s) => s.workspace.current !== 'desk' && s.phone.call !== null)
  const open = useAppStore((s) => s.workspaceOpened)
  if (!away) return null
  return (
    <button
      type="button"
      className="accent"
      onClick={() => {
        open('desk')
      }}
    >
      {t('callBar.toDesk')}
    </button>
  )
}

/** The app shell: the top bar, the call bar, and the open workspace below them. */
export function Workstation() {
  const { t } = useTranslation()
  const role = useAppStore((s) => s.auth.user?.role ?? 'agent')
  const current = useAppStore((s) => s.workspace.current)
  const openWorkspace = useAppStore((s) => s.workspaceOpened)
  const workspaces = useMemo(() => workspacesFor(role), [role])
  const [sheetOpen, setSheetOpen] = useState(false)
  useWorkspaceShortcuts(workspaces)
  const { calls } = useSoftphone()
  useAudioRuntime()
  useEffect(() => watchWrapUp(calls.wrapUpGuards), [calls])
  useEffect(() => watchPracticeCalls(), [])
  useEffect(() => followCallWithCaseTools(), [])
  // Only agents are on a floor (the server takes presence from agents alone).
  useEffect(() => (role === 'agent' ? publishDeskPresence() : undefined), [role])
  // Only agents are trainees: a trainer waiting for their call reaches them here.
  useEffect(
    () => (role === 'agent' ? watchRoleplayInvitations(trainingApi, dataClient()) : undefined),
    [role]
  )
  useEffect(() => {
    openWorkspace(homeWorkspace(role))
    prefetchWorkspaces(role)
  }, [role, openWorkspace])
  const shown: WorkspaceId = workspaces.includes(current) ? current : 'desk'
  const Split = shown === 'desk' ? null : splitWorkspaces[shown]
  return (
    <div className="app-shell">
      <header className="topbar" aria-label={t('shell.topBar')}>
        <strong className="brand">{t('app.title')}</strong>
        <WorkspaceNav workspaces={workspaces} />
        <div className="topbar-end">
          <AgentStateControl />
          <MonitoredIndicator />
          <RaiseHandButton />
          <SyncStatusBar />
          <button
            type="button"
            className="quiet"
            aria-label={t('shell.shortcuts')}
            title={t('shell.shortcuts')}
            aria-keyshortcuts={ariaKeyShortcuts('help.shortcuts')}
            onClick={() => {
              setSheetOpen(true)
            }}
          >
            <Keyboard size={16} aria-hidden="true" />
          </button>
          <UserMenu />
        </div>
      </header>
      <CallBar identity={<CallerSummary />} trailing={<BackToDesk />} />
      {/* One row of the shell's grid, however many of these show. */}
      <div className="shell-alerts">
        <PhoneProblemAlert />
        <ForcedStateNotice />
        <RoleplayInvitedNotice deskShown={shown === 'desk'} />
      </div>
      <ShortcutSheet workspaces={workspaces} isOpen={sheetOpen} onOpenChange={setSheetOpen} />
      <main className="workspace-area" aria-label={t(`workspaces.${shown}`)}>
        <AgentDesk hidden={shown !== 'desk'} />
        {Split && (
          <ErrorBoundary area={t(`workspaces.${shown}`)}>
            <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
              <Split />
            </Suspense>
          </ErrorBoundary>
        )}
      </main>
    </div>
  )
}
