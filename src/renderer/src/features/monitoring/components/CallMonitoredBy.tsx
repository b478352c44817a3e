import { Headphones } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { monitorsOf } from '../call-monitors'
import { displayName } from '../monitor-text'

/**
 * "Supervisada por Carla Méndez (escucha, susurro)" under a call of the recent calls, one line
 * per lead; nothing when nobody monitored it.
 */
export function CallMonitoredBy({ record }: { record: object }) {
  const { t } = useTranslation()
  const monitors = monitorsOf(record)
  if (monitors.length === 0) return null
  return (
    <ul className="call-monitored-by">
      {monitors.map((m, index) => (
        <li key={index}>
          <Headphones size={12} aria-hidden="true" />
          {t('monitoring.call.by', {
            name: displayName(m.leadName),
            modes: m.modes.map((mode) => t(`monitoring.modeNouns.${mode}`)).join(', ')
          })}
        </li>
      ))}
    </ul>
  )
}
