import { useTranslation } from 'react-i18next'

import { PendingApprovals } from '../../features/compensation'
import { EscalationsPanel } from '../../features/complaints'
import { TeamBoard } from '../../features/team'
import { ErrorBoundary } from '../ErrorBoundary'

/** Team live: the board, and beside it what waits for the lead: approvals and escalations. */
export default function TeamLiveWorkspace() {
  const { t } = useTranslation()
  return (
    <div className="workspace team-live">
      <ErrorBoundary area={t('team.heading')}>
        <TeamBoard />
      </ErrorBoundary>
      <div className="team-live-side">
        <ErrorBoundary area={t('compensation.approvals.heading')}>
          <PendingApprovals />
        </ErrorBoundary>
        <ErrorBoundary area={t('complaints.escalations.heading')}>
          <EscalationsPanel />
        </ErrorBoundary>
      </div>
    </div>
  )
}
