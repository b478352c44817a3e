import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { AgentStateControl, PhoneProblemAlert } from '../features/agent-state'
import { useSession } from '../features/auth'
import { CallbacksPanel } from '../features/callbacks'
import { ComplaintAnalysisPanel } from '../features/complaint-analysis'
import { PendingApprovals } from '../features/compensation'
import { ComplaintsPanel } from '../features/complaints'
import { ConfigurationPanel } from '../features/configuration'
import { useAudioRuntime } from '../features/devices'
import { CustomerCard } from '../features/screen-pop'
import { ScriptPanel } from '../features/scripts'
import { CustomerSearch } from '../features/search'
import { CallerIdSettingsForm, PhoneSettingsForm } from '../features/settings'
import { SoftphonePanel, useSoftphone } from '../features/softphone'
import { SyncStatusBar } from '../features/sync-status'
import { TeamBoard } from '../features/team'
import { watchWrapUp, WrapUpForm } from '../features/wrap-up'
import { ErrorBoundary } from './ErrorBoundary'
import { LanguageSelect } from './LanguageSelect'

export function Workstation() {
  const { t } = useTranslation()
  const user = useAppStore((s) => s.auth.user)
  // Panels a role does not see are not mounted: their queries would run for nothing on every
  // change they watch (the team board on every agent-state change, its clock every second).
  const isAdmin = user?.role === 'admin'
  const isLead = isAdmin || user?.role === 'team_lead'
  const { logout } = useSession()
  const { calls } = useSoftphone()
  useAudioRuntime()
  useEffect(() => watchWrapUp(calls.wrapUpGuards), [calls])
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
          <SoftphonePanel
            wrapUp={<WrapUpForm />}
            settings={
              <>
                <PhoneSettingsForm />
                <CallerIdSettingsForm />
              </>
            }
          />
        </ErrorBoundary>
        <ErrorBoundary area={t('card.heading')}>
          <CustomerCard search={<CustomerSearch />} />
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
