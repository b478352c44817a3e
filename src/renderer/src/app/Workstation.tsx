import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { AgentStateControl } from '../features/agent-state/components/AgentStateControl'
import { PhoneProblemAlert } from '../features/agent-state/components/PhoneProblemAlert'
import { logout } from '../features/auth/session'
import { CallbacksPanel } from '../features/callbacks/components/CallbacksPanel'
import { ComplaintAnalysisPanel } from '../features/complaint-analysis/components/ComplaintAnalysisPanel'
import { PendingApprovals } from '../features/compensation/components/PendingApprovals'
import { ConfigurationPanel } from '../features/configuration/components/ConfigurationPanel'
import { ComplaintsPanel } from '../features/complaints/components/ComplaintsPanel'
import { useAudioRuntime } from '../features/devices/hooks/useAudioRuntime'
import { CustomerCard } from '../features/screen-pop/components/CustomerCard'
import { ScriptPanel } from '../features/scripts/components/ScriptPanel'
import { SoftphonePanel } from '../features/softphone/components/SoftphonePanel'
import { SyncStatusBar } from '../features/sync-status/components/SyncStatusBar'
import { TeamBoard } from '../features/team/components/TeamBoard'
import { watchWrapUp } from '../features/wrap-up/watch-wrap-up'
import { useAppStore } from '../stores/app-store'
import { ErrorBoundary } from './ErrorBoundary'
import { LanguageSelect } from './LanguageSelect'

export function Workstation() {
  const { t } = useTranslation()
  const user = useAppStore((s) => s.auth.user)
  // Panels a role does not see are not mounted: their queries would run for nothing on every
  // change they watch (the team board on every agent-state change, its clock every second).
  const isAdmin = user?.role === 'admin'
  const isLead = isAdmin || user?.role === 'team_lead'
  useAudioRuntime()
  useEffect(() => watchWrapUp(), [])
  return (
    <div className="workstation">
      <header className="topbar">
        <strong>{t('app.title')}</strong>
        {user && (
          <span>
            {t('app.loggedInAs', { name: user.displayName, role: t(`app.roles.${user.role}`) })}
          </span>
        )}
        <AgentStateControl />
        <SyncStatusBar />
        <LanguageSelect />
        <button type="button" onClick={() => void logout()}>
          {t('app.logout')}
        </button>
      </header>
      <PhoneProblemAlert />
      <main className="columns">
        <ErrorBoundary area={t('softphone.heading')}>
          <SoftphonePanel />
        </ErrorBoundary>
        <ErrorBoundary area={t('card.heading')}>
          <CustomerCard />
        </ErrorBoundary>
        <ErrorBoundary area={t('scripts.heading')}>
          <ScriptPanel />
        </ErrorBoundary>
        <div className="side-column">
          <ErrorBoundary area={t('callbacks.heading')}>
            <CallbacksPanel />
          </ErrorBoundary>
          {isLead && (
            <>
              <ErrorBoundary area={t('compensation.approvals.heading')}>
                <PendingApprovals />
              </ErrorBoundary>
              <ErrorBoundary area={t('team.heading')}>
                <TeamBoard />
              </ErrorBoundary>
            </>
          )}
          <ErrorBoundary area={t('complaints.heading')}>
            <ComplaintsPanel />
          </ErrorBoundary>
          {isLead && (
            <ErrorBoundary area={t('analysis.heading')}>
              <ComplaintAnalysisPanel />
            </ErrorBoundary>
          )}
          {isAdmin && (
            <ErrorBoundary area={t('configuration.heading')}>
              <ConfigurationPanel />
            </ErrorBoundary>
          )}
        </div>
      </main>
    </div>
  )
}
