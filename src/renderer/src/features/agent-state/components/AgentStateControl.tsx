import { memo, useEffect, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { PauseReason } from '@shared/domain/configuration'
import { useAppStore } from '@renderer/stores/app-store'
import { builtInPauseReasons, effectiveAgentState, type Availability } from '../agent-state'
import { watchAgentStateRecords } from '../record-agent-state'
import { usePauseReasons } from '../use-pause-reasons'

export const AGENT_STATE_SHORTCUT = 'Alt+E'
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

/** The label of a pause reason: the server's once pulled, else the built-in translation. */
function useReasonLabel(configured: readonly PauseReason[]): (code: string) => string {
  const { t, i18n } = useTranslation()
  const language = i18n.language.startsWith('en') ? 'en' : 'es'
  return (code) => {
    const reason = configured.find((r) => r.code === code)
    return reason ? reason.label[language] : t(`agentState.reasons.${code}`, { defaultValue: code })
  }
}

/**
 * The agent's status in the top bar: chosen by the agent (Ready / paused with a reason), shown as
 * "on call" or "wrap-up" while the phone decides, and held paused while the phone cannot ring.
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

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyE') return
      event.preventDefault()
      toggleAvailability()
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
    }
  }, [])

  const reasonText = availability.kind === 'not_ready' ? labelOf(availability.reason) : ''

  return (
    <div className="agent-state" role="group" aria-label={t('agentState.label')}>
      <span role="status" aria-label={t('agentState.current')} className={`agent-${state}`}>
        {t(`agentState.states.${state}`, { reason: reasonText })}
      </span>
      <AvailabilitySelect availability={availability} blocked={blocked} configured={configured} />
      {recordError && (
        <span role="alert" className="error">
          {t('agentState.recordFailed', { message: recordError })}
        </span>
      )}
    </div>
  )
}

/** The agent's own choice; memoised, since a ring changes the status above and not this. */
const AvailabilitySelect = memo(function AvailabilitySelect({
  availability,
  blocked,
  configured
}: {
  availability: Availability
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
    if (event.target.value === READY) store.agentReady()
    else store.agentNotReady(event.target.value)
  }
  return (
    <select
      aria-label={t('agentState.choose')}
      aria-keyshortcuts={AGENT_STATE_SHORTCUT}
      value={selectValue(availability)}
      onChange={onChange}
    >
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
