import { useTranslation } from 'react-i18next'

import { ConfigurationPanel } from '../../features/configuration'
import { EvaluationFormsAdmin } from '../../features/evaluation-forms'
import { MonitoringAdminPanel } from '../../features/monitoring'
import { ScriptVersionsPanel } from '../../features/scripts'
import { ErrorBoundary } from '../ErrorBoundary'
import './administration-workspace.css'

/**
 * Administration: the centre's code lists; what is versioned on the server (script versions,
 * evaluation forms); call monitoring.
 */
export default function AdministrationWorkspace() {
  const { t } = useTranslation()
  return (
    <div className="workspace administration">
      <div className="administration-stack">
        <ErrorBoundary area={t('configuration.heading')}>
          <ConfigurationPanel />
        </ErrorBoundary>
        <ErrorBoundary area={t('scripts.versions.heading')}>
          <ScriptVersionsPanel />
        </ErrorBoundary>
      </div>
      <div className="administration-stack forms-and-monitoring">
        <ErrorBoundary area={t('evaluationForms.heading')}>
          <EvaluationFormsAdmin />
        </ErrorBoundary>
        <ErrorBoundary area={t('monitoring.admin.heading')}>
          <MonitoringAdminPanel />
        </ErrorBoundary>
      </div>
    </div>
  )
}
