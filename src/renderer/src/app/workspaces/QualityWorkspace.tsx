import { useTranslation } from 'react-i18next'

import { ComplaintAnalysisPanel } from '../../features/complaint-analysis'
import { ScriptAnalyticsPanel } from '../../features/scripts'
import { ErrorBoundary } from '../ErrorBoundary'

/** Quality and reports: where complaints come from, and how the scripts work on real calls. */
export default function QualityWorkspace() {
  const { t } = useTranslation()
  return (
    <div className="workspace two-columns">
      <ErrorBoundary area={t('analysis.heading')}>
        <ComplaintAnalysisPanel />
      </ErrorBoundary>
      <ErrorBoundary area={t('scripts.analytics.heading')}>
        <ScriptAnalyticsPanel />
      </ErrorBoundary>
    </div>
  )
}
