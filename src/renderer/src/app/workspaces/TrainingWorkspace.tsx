import { useTranslation } from 'react-i18next'

import { PendingApprovals } from '../../features/compensation'
import { EscalationsPanel } from '../../features/complaints'
import { PracticeDataPanel, ScenarioLibrary } from '../../features/practice-scenarios'
import { ScriptAnalyticsPanel } from '../../features/scripts'
import { ErrorBoundary } from '../ErrorBoundary'

/**
 * Training: the scenario library (the trainer's main work, the tall column: read a scenario,
 * ring its persona on the desk), and beside it what waits for the trainer as the trainees' lead
 * in practice (compensations above a trainee's authority, escalations: a trainer's desk holds
 * practice records only), how trainees follow the scripts, and the practice data (purged here).
 */
export default function TrainingWorkspace() {
  const { t } = useTranslation()
  return (
    <div className="workspace two-columns">
      <ErrorBoundary area={t('practiceScenarios.heading')}>
        <ScenarioLibrary />
      </ErrorBoundary>
      <div className="training-stack">
        <ErrorBoundary area={t('compensation.approvals.heading')}>
          <PendingApprovals />
        </ErrorBoundary>
        <ErrorBoundary area={t('complaints.escalations.heading')}>
          <EscalationsPanel />
        </ErrorBoundary>
        <ErrorBoundary area={t('scripts.analytics.heading')}>
          <ScriptAnalyticsPanel />
        </ErrorBoundary>
        <ErrorBoundary area={t('practiceScenarios.purge.heading')}>
          <PracticeDataPanel />
        </ErrorBoundary>
      </div>
    </div>
  )
}
