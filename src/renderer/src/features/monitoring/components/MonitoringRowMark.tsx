import { Headphones } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'

import { displayName, isActive } from '../monitor-text'

/**
 * A headphones mark on the floor row of the agent this lead is monitoring now, so the session
 * stays in sight when the detail pane is closed or shows someone else.
 */
export function MonitoringRowMark({ agentId }: { agentId: string }) {
  const { t } = useTranslation()
  const session = useAppStore((s) => s.monitoring.lead)
  if (!isActive(session) || session.agentId !== agentId) return null
  const label = t(`monitoring.row.${session.mode}`, { name: displayName(session.agentName) })
  return (
    <Headphones className="monitor-row-mark" size={13} role="img" aria-label={label}>
      <title>{label}</title>
    </Headphones>
  )
}
