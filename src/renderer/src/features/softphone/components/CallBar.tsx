import { memo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { ariaKeyShortcuts } from '../../shortcuts'
import { useSoftphone } from '../softphone-context'
import { CallTimer } from './CallTimer'
import { InCallControls } from './InCallControls'
import { OtherLines } from './OtherLines'
import { isPracticeCall } from '@renderer/telephony/call-session'

const phaseKey = {
  idle: 'softphone.idle',
  ringing: 'softphone.ringing',
  dialing: 'softphone.dialing',
  connecting: 'softphone.active',
  active: 'softphone.active',
  held: 'softphone.held',
  wrap_up: 'softphone.wrapUp'
} as const

type CallBarProps = {
  /** Who the caller is, from the screen pop (the screen-pop feature's summary). */
  identity: ReactNode
  /** Shown at the end of the bar: a way back to the desk when another workspace is open. */
  trailing?: ReactNode
}

/**
 * The call, wherever the person is: the phase, the caller, the time, and what to do now (answer,
 * decline, hang up, hold, transfer, a call waiting). It sits in the app shell, above every
 * workspace, so navigation never hides a ring. Each control exists here only once.
 */
export const CallBar = memo(function CallBar({ identity, trailing }: CallBarProps) {
  const { t } = useTranslation()
  const { calls } = useSoftphone()
  const phase = useAppStore((s) => s.phone.phase)
  const call = useAppStore((s) => s.phone.call)
  const answeredAt = useAppStore((s) => s.phone.answeredAt)
  const caller = call
    ? call.remoteNumber.toLowerCase() === 'anonymous'
      ? t('softphone.withheld')
      : sanitizeDisplayText(call.remoteDisplayName ?? call.remoteNumber)
    : null
  const inCall =
    phase === 'active' || phase === 'connecting' || phase === 'held' || phase === 'dialing'
  return (
    <section
      className={`call-bar phase-${phase}`}
      aria-label={t('callBar.label')}
      data-phase={phase}
    >
      <p role="status" aria-label={t('softphone.heading')} className={`phase phase-${phase}`}>
        <span className="phase-dot" aria-hidden="true" />
        {t(phaseKey[phase])}
        {call && isPracticeCall(call) && (
          <span className="badge">{t('softphone.practiceBadge')}</span>
        )}
      </p>
      {call && (
        <dl className="caller">
          <dt className="visually-hidden">{t('softphone.callerId')}</dt>
          <dd data-testid="caller-id">
            {caller}
            {call.remoteDisplayName && <small> {sanitizeDisplayText(call.remoteNumber, 40)}</small>}
          </dd>
          {answeredAt && (
            <>
              <dt className="visually-hidden">{t('softphone.duration')}</dt>
              <dd className="call-time">
                <CallTimer since={answeredAt} />
              </dd>
            </>
          )}
        </dl>
      )}
      {call && <div className="call-identity">{identity}</div>}
      <div className="call-controls">
        {phase === 'ringing' && (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => {
                calls.answerCall()
              }}
              aria-keyshortcuts={ariaKeyShortcuts('call.answer')}
            >
              {t('softphone.answer')}
            </button>
            <button
              type="button"
              onClick={() => {
                calls.declineCall()
              }}
              aria-keyshortcuts={ariaKeyShortcuts('call.decline')}
            >
              {t('softphone.decline')}
            </button>
          </>
        )}
        {inCall && (
          <button
            type="button"
            className="danger"
            onClick={() => {
              calls.hangUp()
            }}
            aria-keyshortcuts={ariaKeyShortcuts('call.hangUp')}
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
        <InCallControls />
      </div>
      <OtherLines />
      {trailing}
    </section>
  )
})
