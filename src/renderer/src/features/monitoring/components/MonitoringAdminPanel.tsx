import { useTranslation } from 'react-i18next'

import { MonitoringPolicyEditor } from './MonitoringPolicyEditor'
import { MonitoringSessionsLog } from './MonitoringSessionsLog'

/** Monitoring in the Administration workspace: the policy, then the latest sessions. */
export function MonitoringAdminPanel() {
  const { t } = useTranslation()
  return (
    <section className="panel monitoring-admin" aria-labelledby="monitoring-admin-heading">
      <h2 id="monitoring-admin-heading">{t('monitoring.admin.heading')}</h2>
      <MonitoringPolicyEditor />
      <MonitoringSessionsLog />
    </section>
  )
}
