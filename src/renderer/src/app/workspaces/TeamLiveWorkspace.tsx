import { useTranslation } from 'react-i18next'

import { ForceStateControl } from '../../features/agent-state'
import { PendingApprovals } from '../../features/compensation'
import { EscalationsPanel } from '../../features/complaints'
import { FloorWhisper } from '../../features/coaching'
import { EvaluateCallButton } from '../../features/evaluations'
import { LiveFloor, type RenderFloorActions } from '../../features/floor'
import { MonitorControls, useStopMonitoringShortcut } from '../../features/monitoring'
import { ErrorBoundary } from '../ErrorBoundary'

/**
 * What a lead can do for the agent open in the floor's detail: monitor the call, change their
 * state, whisper.
 */
const floorActions: RenderFloorActions = (entry, agent) => (
  <>
    <MonitorControls entry={entry} agent={agent} />
    <ForceStateControl agentId={agent.id} agentName={agent.name} />
    <FloorWhisper entry={entry} agent={agent} />
    <EvaluateCallButton entry={entry} agent={agent} />
  </>
)

/** Team live: the live floor, and beside it what waits for the lead: approvals and escalations. */
export default function TeamLiveWorkspace() {
  const { t } = useTranslation()
  useStopMonitoringShortcut()
  return (
    <div className="workspace team-live">
      <ErrorBoundary area={t('floor.heading')}>
        <LiveFloor renderActions={floorActions} />
      </ErrorBoundary>
      <div className="team-live-side">
        <ErrorBoundary area={t('compensation.approvals.heading')}>
          <PendingApprovals />
        </ErrorBoundary>
        <ErrorBoundary area={t('complaints.escalations.heading')}>
          <EscalationsPanel />
        </ErrorBoundary>
      </div>
    </div>
  )
}
