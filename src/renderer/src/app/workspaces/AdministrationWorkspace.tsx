import { useTranslation } from 'react-i18next'

import { ConfigurationPanel } from '../../features/configuration'
import { MonitoringAdminPanel } from '../../features/monitoring'
import { ScriptVersionsPanel } from '../../features/scripts'
import { ErrorBoundary } from '../ErrorBoundary'

/** Administration: the centre's code lists, call monitoring, the script versions on the server. */
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
      <ErrorBoundary area={t('monitoring.admin.heading')}>
        <MonitoringAdminPanel />
      </ErrorBoundary>
    </div>
  )
}
