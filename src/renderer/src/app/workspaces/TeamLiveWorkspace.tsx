import { useTranslation } from 'react-i18next'

import { PendingApprovals } from '../../features/compensation'
import { TeamBoard } from '../../features/team'
import { ErrorBoundary } from '../ErrorBoundary'

/** Team live: the board full width, and beside it what waits for the lead's decision. */
export default function TeamLiveWorkspace() {
  const { t } = useTranslation()
  return (
    <div className="workspace team-live">
      <ErrorBoundary area={t('team.heading')}>
        <TeamBoard />
      </ErrorBoundary>
      <ErrorBoundary area={t('compensation.approvals.heading')}>
        <PendingApprovals />
      </ErrorBoundary>
    </div>
  )
}
