import { useAppStore } from '@renderer/stores/app-store'

import { useShortcut } from '../../shortcuts'
import { useOptionalMonitoringActions } from '../monitoring-context'
import { isActive } from '../monitor-text'

/**
 * Alt+X stops monitoring wherever the focus is on the team's screen (Escape never does: it closes
 * panes, and a lead closing the detail must not cut the audio by accident).
 */
export function useStopMonitoringShortcut(): void {
  const actions = useOptionalMonitoringActions()
  const active = useAppStore((s) => isActive(s.monitoring.lead))
  useShortcut(
    'monitoring.stop',
    (event) => {
      event.preventDefault()
      void actions?.stop()
    },
    { enabled: active && actions !== null }
  )
}
