import { useTranslation } from 'react-i18next'

import { PendingApprovals } from '../../features/compensation'
import { EscalationsPanel } from '../../features/complaints'
import { LiveFloor } from '../../features/floor'
import { ErrorBoundary } from '../ErrorBoundary'

/** Team live: the live floor, and beside it what waits for the lead: approvals and escalations. */
export default function TeamLiveWorkspace() {
  const { t } = useTranslation()
  return (
    <div className="workspace team-live">
      <ErrorBoundary area={t('floor.heading')}>
        <LiveFloor />
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
