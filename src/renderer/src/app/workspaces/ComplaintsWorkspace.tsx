import { useTranslation } from 'react-i18next'

import { ComplaintsPanel } from '../../features/complaints'
import { ErrorBoundary } from '../ErrorBoundary'

/** The complaint list as its own view: the person's cases or the team queue, filtered. */
export default function ComplaintsWorkspace() {
  const { t } = useTranslation()
  return (
    <div className="workspace single">
      <ErrorBoundary area={t('complaints.heading')}>
        <ComplaintsPanel />
      </ErrorBoundary>
    </div>
  )
}
