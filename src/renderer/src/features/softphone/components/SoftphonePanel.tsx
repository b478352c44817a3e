import { memo, useCallback, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { RegistrationState } from '@renderer/telephony/sip-user-agent'
import { callShortcuts, useCallShortcuts } from '../hooks/useCallShortcuts'
import { practiceScenarios } from '../practice-scenarios'
import { useSoftphone } from '../softphone-context'
import { CallQuality } from './CallQuality'
import { CallTimer } from './CallTimer'
import { DialPad } from './DialPad'
import { InCallControls } from './InCallControls'
import { LineStatus } from './LineStatus'
import { OtherLines } from './OtherLines'
import { PhonePreferencesForm } from './PhonePreferencesForm'

const phaseKey = {
  idle: 'softphone.idle',
  ringing: 'softphone.ringing',
  dialing: 'softphone.dialing',
  connecting: 'softphone.active',
  active: 'softphone.active',
  held: 'softphone.held',
  wrap_up: 'softphone.wrapUp'
} as const

/**
 * The settings forms depend on nothing the call changes: a ring must not re-render them. (The
 * line status, other lines, in-call controls and call quality are memoised for the same reason
 * and read the store themselves.)
 */
const PhoneSettings = memo(function PhoneSettings({ forms }: { forms: ReactNode }) {
  return (
    <>
      {forms}
      <PhonePreferencesForm />
    </>
  )
})

type SoftphonePanelProps = {
  /** The wrap-up form, shown while the call is wrapped up (the wrap-up feature's). */
  wrapUp: ReactNode
  /** The line and caller-ID settings forms (the settings feature's), before the preferences. */
  settings: ReactNode
}

export function SoftphonePanel({ wrapUp, settings }: SoftphonePanelProps) {
  const { t } = useTranslation()
  const { calls } = useSoftphone()
  const phase = useAppStore((s) => s.phone.phase)
  const call = useAppStore((s) => s.phone.call)
  const answeredAt = useAppStore((s) => s.phone.answeredAt)
  const lastError = useAppStore((s) => s.phone.lastError)
  const isLineUp = useAppStore((s) => s.phone.line.state === RegistrationState.Registered)
  const [scenarioId, setScenarioId] = useState(practiceScenarios[0]?.id ?? '')

  const practice = useCallback(() => {
    const scenario = practiceScenarios.find((s) => s.id === scenarioId)
    if (scenario && useAppStore.getState().phone.phase === 'idle') calls.startPracticeCall(scenario)
  }, [calls, scenarioId])
  useCallShortcuts(practice)

  const caller = call
    ? call.remoteNumber.toLowerCase() === 'anonymous'
      ? t('softphone.withheld')
      : sanitizeDisplayText(call.remoteDisplayName ?? call.remoteNumber)
    : null

  return (
    <section className="panel softphone" aria-labelledby="softphone-heading">
      <h2 id="softphone-heading">{t('softphone.heading')}</h2>
      <LineStatus />
      <p role="status" aria-label={t('softphone.heading')} className={`phase phase-${phase}`}>
        {t(phaseKey[phase])}
        {call?.kind === 'practice' && <span className="badge">{t('softphone.practiceBadge')}</span>}
      </p>
      {call && (
        <dl className="caller">
          <dt>{t('softphone.callerId')}</dt>
          <dd data-testid="caller-id">
            {caller}
            {call.remoteDisplayName && <small> {sanitizeDisplayText(call.remoteNumber, 40)}</small>}
          </dd>
          {answeredAt && (
            <>
              <dt>{t('softphone.duration')}</dt>
              <dd>
                <CallTimer since={answeredAt} />
              </dd>
            </>
          )}
        </dl>
      )}
      {phase === 'wrap_up' && wrapUp}
      <div className="call-controls">
        {phase === 'ringing' && (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => {
                calls.answerCall()
              }}
              aria-keyshortcuts={callShortcuts.answer}
            >
              {t('softphone.answer')}
            </button>
            <button
              type="button"
              onClick={() => {
                calls.declineCall()
              }}
              aria-keyshortcuts={callShortcuts.decline}
            >
              {t('softphone.decline')}
            </button>
          </>
        )}
        {(phase === 'active' ||
          phase === 'connecting' ||
          phase === 'held' ||
          phase === 'dialing') && (
          <button
            type="button"
            className="danger"
            onClick={() => {
              calls.hangUp()
            }}
            aria-keyshortcuts={callShortcuts.hangUp}
          >
            {t('softphone.hangUp')}
          </button>
        )}
        {phase === 'wrap_up' && (
          <button
            type="button"
            onClick={() => {
              calls.finishWrapUp()
            }}
          >
            {t('softphone.finishWrapUp')}
          </button>
        )}
      </div>
      <OtherLines />
      <InCallControls />
      <CallQuality />
      {/* Hidden during a call rather than unmounted: a ring then costs one attribute instead of
          tearing the pad down (and the number being typed survives it). */}
      {isLineUp && <DialPad hidden={phase !== 'idle'} />}
      <div className="practice" hidden={phase !== 'idle'}>
        <label>
          {t('practice.scenario')}
          <select
            value={scenarioId}
            onChange={(e) => {
              setScenarioId(e.target.value)
            }}
          >
            {practiceScenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {t(s.labelKey)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={practice} aria-keyshortcuts={callShortcuts.practice}>
          {t('softphone.practiceCall')}
        </button>
      </div>
      {lastError && (
        <p role="alert" className="error">
          {lastError}
        </p>
      )}
      <p className="hint">{t('softphone.shortcuts')}</p>
      <PhoneSettings forms={settings} />
    </section>
  )
}
