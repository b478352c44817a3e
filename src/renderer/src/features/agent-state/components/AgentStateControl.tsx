import { memo, useEffect, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { PauseReason } from '@shared/domain/configuration'
import { useAppStore } from '@renderer/stores/app-store'
import { ariaKeyShortcuts, useShortcut } from '../../shortcuts'
import { builtInPauseReasons, effectiveAgentState, type Availability } from '../agent-state'
import { watchForcedStates } from '../follow-forced-state'
import { watchAgentStateRecords } from '../record-agent-state'
import { usePauseReasons } from '../use-pause-reasons'
import { useReasonLabel } from '../use-reason-label'

const READY = 'ready'
/** The reason Alt+E pauses with: the most common pause on a contact-center floor. */
const DEFAULT_PAUSE = 'break'

function selectValue(availability: Availability): string {
  return availability.kind === 'ready' ? READY : availability.reason
}

/** Ready ↔ paused from the keyboard, the way agents toggle it dozens of times a day. */
function toggleAvailability(): void {
  const store = useAppStore.getState()
  if (store.agent.availability.kind === 'ready') store.agentNotReady(DEFAULT_PAUSE)
  else store.agentReady()
}

/**
 * The agent's status in the top bar, as one control that never disagrees with itself: the select
 * shows the state in force (the agent's choice, or "on call" / "wrap-up" while the phone decides,
 * with what follows the call), and choosing in it sets what applies when the phone is free.
 * The status text beside it is for screen readers (announced when it changes), the same words.
 */
export function AgentStateControl() {
  const { t } = useTranslation()
  const availability = useAppStore((s) => s.agent.availability)
  const phase = useAppStore((s) => s.phone.phase)
  const blocked = useAppStore((s) => s.agent.phoneProblems.length > 0)
  const recordError = useAppStore((s) => s.agent.recordError)
  const state = effectiveAgentState(availability, phase)
  const configured = usePauseReasons()
  const labelOf = useReasonLabel(configured)

  useEffect(() => watchAgentStateRecords(), [])
  useEffect(() => watchForcedStates(), [])

  useShortcut('agent.toggleReady', toggleAvailability)

  const reasonText = availability.kind === 'not_ready' ? labelOf(availability.reason) : ''

  return (
    <div className="agent-state" role="group" aria-label={t('agentState.label')}>
      <span role="status" aria-label={t('agentState.current')} className="visually-hidden">
        {t(`agentState.states.${state}`, { reason: reasonText })}
      </span>
      <span className={`agent-state-mark agent-${state}`} aria-hidden="true" />
      <AvailabilitySelect
        availability={availability}
        phoneState={state === 'on_call' || state === 'wrap_up' ? state : null}
        ringing={phase === 'ringing'}
        blocked={blocked}
        configured={configured}
      />
      {recordError && (
        <span role="alert" className="error">
          {t('agentState.recordFailed', { message: recordError })}
        </span>
      )}
    </div>
  )
}

const PHONE = 'phone'

/** The state in force and the agent's own choice; a ring re-renders it once, to say "on call". */
const AvailabilitySelect = memo(function AvailabilitySelect({
  availability,
  phoneState,
  ringing,
  blocked,
  configured
}: {
  availability: Availability
  /** What the phone imposes now (on a call, in wrap-up), or null when the agent's choice rules. */
  phoneState: 'on_call' | 'wrap_up' | null
  /** A ring reserves the agent (others see "on call") but the desk says what the call bar says. */
  ringing: boolean
  blocked: boolean
  configured: readonly PauseReason[]
}) {
  const { t } = useTranslation()
  const labelOf = useReasonLabel(configured)
  // The server's list once pulled; the built-in one (the same codes) before.
  const choices =
    configured.length > 0
      ? configured
          .filter((r) => r.selectable && r.active)
          .sort((a, b) => a.sortOrder - b.sortOrder)
          .map((r) => r.code)
      : [...builtInPauseReasons]
  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const store = useAppStore.getState()
    if (event.target.value === PHONE) return
    if (event.target.value === READY) store.agentReady()
    else store.agentNotReady(event.target.value)
  }
  return (
    <select
      aria-label={t('agentState.choose')}
      aria-keyshortcuts={ariaKeyShortcuts('agent.toggleReady')}
      value={phoneState ? PHONE : selectValue(availability)}
      onChange={onChange}
      className={`agent-${phoneState ?? availability.kind}`}
    >
      {phoneState && (
        <option value={PHONE} disabled>
          {availability.kind === 'ready'
            ? ringing
              ? t('softphone.ringing')
              : t(`agentState.states.${phoneState}`)
            : t('agentState.thenPause', {
                state: t(`agentState.states.${phoneState}`),
                reason: labelOf(availability.reason)
              })}
        </option>
      )}
      <option value={READY} disabled={blocked}>
        {t('agentState.states.ready')}
      </option>
      {choices.map((reason) => (
        <option key={reason} value={reason}>
          {t('agentState.pauseWith', { reason: labelOf(reason) })}
        </option>
      ))}
      {availability.kind === 'not_ready' && !choices.includes(availability.reason) && (
        <option value={availability.reason} disabled>
          {t('agentState.pauseWith', { reason: labelOf(availability.reason) })}
        </option>
      )}
    </select>
  )
})
