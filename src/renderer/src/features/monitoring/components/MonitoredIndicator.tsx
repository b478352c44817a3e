/**
 * Tells the agent, calmly, that their lead is monitoring the call: "Carla Méndez te susurra". In
 * listen mode only when the centre's policy says the agent is told (`shown`); whisper and barge
 * are always told, since the agent hears the lead. A polite status, never an alarm.
 */
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'

import { displayName } from '../monitor-text'
import type { AgentMonitoredBy } from '../store'
import { modeIcons as icons } from './mode-icons'
import './monitoring.css'

/** The indicator as props say (the unit tests render this one). */
export function MonitoredIndicatorView({ by }: { by: AgentMonitoredBy | null }) {
  const { t } = useTranslation()
  const shown = by !== null && (by.shown || by.mode !== 'listen')
  const Icon = shown ? icons[by.mode] : null
  return (
    // Always in the page, so a screen reader hears it when it appears and when the mode changes.
    <div
      role="status"
      aria-live="polite"
      className={shown ? `monitored-indicator monitored-${by.mode}` : 'monitored-indicator-empty'}
    >
      {shown && Icon && (
        <>
          <Icon size={14} aria-hidden="true" />
          <span>{t(`monitoring.agent.${by.mode}`, { name: displayName(by.leadName) })}</span>
        </>
      )}
    </div>
  )
}

/** In the top bar, beside the raised hand. */
export function MonitoredIndicator() {
  const by = useAppStore((s) => s.monitoring.monitoredBy)
  return <MonitoredIndicatorView by={by} />
}
