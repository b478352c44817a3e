/**
 * The lead's monitoring controls in the floor's detail pane: listen, whisper, barge (the modes the
 * centre's policy permits this role, the current one pressed), stop, and a status line that says
 * what is happening, or calmly why it ended. Escape is not bound here: closing the detail never
 * stops monitoring (the floor row keeps a headphones mark while it runs).
 */
import { Headphones, Info, Square, X } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import type { FloorEntry } from '@shared/presence/presence'
import type { MonitorMode } from '@shared/monitoring/monitoring'
import { permittedModes, DEFAULT_MONITORING_POLICY } from '@shared/monitoring/monitoring-policy'
import { useAppStore } from '@renderer/stores/app-store'
import { useNow } from '@renderer/hooks/useNow'

import { ariaKeyShortcuts } from '../../shortcuts'
import { useOptionalMonitoringActions, type MonitoringActions } from '../monitoring-context'
import { activeStatus, displayName, endedStatus, isActive, modeAction } from '../monitor-text'
import type { LeadMonitorSession } from '../store'
import { useMonitoringPolicy } from '../use-monitoring-policy'
import { modeIcons } from './mode-icons'
import './monitoring.css'

export interface MonitorControlsViewProps {
  agent: { id: string; name: string }
  /** The agent's call as on the floor, or none. */
  call: { id: string; practice: boolean } | null
  session: LeadMonitorSession | null
  /** The modes the policy permits this lead's role. */
  modes: readonly MonitorMode[]
  now: number
  onMode: (mode: MonitorMode) => void
  onStop: () => void
  onDismiss: () => void
}

/** The controls as props say (the unit tests render this one). */
export function MonitorControlsView(props: MonitorControlsViewProps) {
  const { t } = useTranslation()
  const { agent, call, session, modes } = props
  const mine = session !== null && session.agentId === agent.id ? session : null
  const elsewhere = isActive(session) && session.agentId !== agent.id ? session : null
  const active = isActive(mine)
  const canStart = call !== null && !call.practice && modes.length > 0
  if (mine === null && elsewhere === null && call === null) return null

  const status =
    mine === null ? '' : active ? activeStatus(mine, props.now, t) : endedStatus(mine, t)
  return (
    <section className="monitor-controls" aria-labelledby="monitor-controls-heading">
      <h4 id="monitor-controls-heading">
        <Headphones size={14} aria-hidden="true" />
        {t('monitoring.controls.heading')}
      </h4>
      {elsewhere && (
        <p className="monitor-elsewhere">
          <span>
            {t('monitoring.controls.elsewhere', { name: displayName(elsewhere.agentName) })}
          </span>
          <button
            type="button"
            onClick={props.onStop}
            aria-keyshortcuts={ariaKeyShortcuts('monitoring.stop')}
          >
            <Square size={12} aria-hidden="true" />
            {t('monitoring.controls.stop')}
          </button>
        </p>
      )}
      {call?.practice && !active && <p className="hint">{t('monitoring.controls.practice')}</p>}
      {call && !call.practice && modes.length === 0 && !active && (
        <p className="hint">{t('monitoring.controls.noModes')}</p>
      )}
      {(canStart || active) && (
        <div role="group" aria-label={t('monitoring.controls.group')} className="monitor-modes">
          {modes.map((mode) => {
            const Icon = modeIcons[mode]
            const pressed = active && mine.mode === mode
            const action = modeAction(session, agent.id, mode)
            return (
              <button
                key={mode}
                type="button"
                aria-pressed={pressed}
                aria-disabled={action === 'none' && !pressed ? true : undefined}
                className={pressed ? 'pressed' : undefined}
                onClick={() => {
                  if (action !== 'none') props.onMode(mode)
                }}
              >
                <Icon size={14} aria-hidden="true" />
                {t(`monitoring.modes.${mode}`)}
              </button>
            )
          })}
          {active && (
            <button
              type="button"
              className="monitor-stop"
              aria-keyshortcuts={ariaKeyShortcuts('monitoring.stop')}
              onClick={props.onStop}
            >
              <Square size={12} aria-hidden="true" />
              {t('monitoring.controls.stop')}
            </button>
          )}
        </div>
      )}
      {/* Always in the page, so a screen reader hears each change of it once. */}
      <div className="monitor-status-line">
        <p
          role="status"
          aria-live="polite"
          className={`monitor-status${mine?.phase === 'ended' ? ' ended' : ''}`}
        >
          {mine?.phase === 'ended' && <Info size={13} aria-hidden="true" />}
          {status}
        </p>
        {mine?.phase === 'ended' && (
          <button
            type="button"
            className="quiet"
            aria-label={t('monitoring.controls.dismissLabel')}
            onClick={props.onDismiss}
          >
            <X size={13} aria-hidden="true" />
            {t('monitoring.controls.dismiss')}
          </button>
        )}
      </div>
    </section>
  )
}

/** Ticks every second only while a session is live, so an idle detail pane does not re-render. */
function useTick(live: boolean): number {
  const now = useNow(live ? 1000 : 60_000)
  return now.getTime()
}

/**
 * The floor's actions slot: `renderActions={(entry, agent) => <MonitorControls … />}`. Leads and
 * admins only (the policy says which modes each may use).
 */
export function MonitorControls(props: {
  entry: FloorEntry | null | undefined
  agent: { id: string; name: string }
}) {
  const actions = useOptionalMonitoringActions()
  return actions ? <WiredControls {...props} actions={actions} /> : null
}

function WiredControls({
  entry,
  agent,
  actions
}: {
  entry: FloorEntry | null | undefined
  agent: { id: string; name: string }
  actions: MonitoringActions
}) {
  const session = useAppStore((s) => s.monitoring.lead)
  const role = useAppStore((s) => s.auth.user?.role ?? 'agent')
  const policy = useMonitoringPolicy()
  const now = useTick(session?.phase === 'live')
  const presenceCall = entry?.presence.call ?? null
  const call = presenceCall ? { id: presenceCall.id, practice: presenceCall.practice } : null
  const modes = permittedModes(policy ?? DEFAULT_MONITORING_POLICY, role)
  return (
    <MonitorControlsView
      agent={agent}
      call={call}
      session={session}
      modes={modes}
      now={now}
      onMode={(mode) => {
        const action = modeAction(session, agent.id, mode)
        if (action === 'switch') void actions.switchMode(mode)
        else if (action === 'start' && call) {
          void actions.start({ agentId: agent.id, agentName: agent.name, callId: call.id }, mode)
        }
      }}
      onStop={() => {
        void actions.stop()
      }}
      onDismiss={() => {
        actions.dismiss()
      }}
    />
  )
}
