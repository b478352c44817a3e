import { Headphones } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import type { InteractionMonitors } from '@shared/domain/interaction'

import { displayName } from '../monitor-text'

/**
 * "Supervisada por Carla Méndez (escucha, susurro)" under a call of the recent calls, one line
 * per lead, from the record's `monitoredBy`; nothing when nobody monitored it (older records
 * have none).
 */
export function CallMonitoredBy({ monitors }: { monitors: InteractionMonitors | undefined }) {
  const { t } = useTranslation()
  if (!monitors || monitors.length === 0) return null
  return (
    <ul className="call-monitored-by">
      {monitors.map((m) => (
        <li key={m.sessionId}>
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
