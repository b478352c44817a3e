import { useTranslation } from 'react-i18next'

import { ConfigurationPanel } from '../../features/configuration'
import { ScriptVersionsPanel } from '../../features/scripts'
import { ErrorBoundary } from '../ErrorBoundary'

/** Administration: the centre's code lists and the script versions on the server. */
export default function AdministrationWorkspace() {
  const { t } = useTranslation()
  return (
    <div className="workspace administration">
      <ErrorBoundary area={t('configuration.heading')}>
        <ConfigurationPanel />
      </ErrorBoundary>
      <ErrorBoundary area={t('scripts.versions.heading')}>
        <ScriptVersionsPanel />
      </ErrorBoundary>
    </div>
  )
}
