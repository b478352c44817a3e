import { useTranslation } from 'react-i18next'

import { ConfigurationPanel } from '../../features/configuration'
import { ErrorBoundary } from '../ErrorBoundary'

/** Administration: the centre's code lists (the rest is in the admin API, see the docs). */
export default function AdministrationWorkspace() {
  const { t } = useTranslation()
  return (
    <div className="workspace single">
      <ErrorBoundary area={t('configuration.heading')}>
        <ConfigurationPanel />
      </ErrorBoundary>
    </div>
  )
}
