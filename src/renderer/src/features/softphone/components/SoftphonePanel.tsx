import { memo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { RegistrationState } from '@renderer/telephony/sip-user-agent'
import { formatShortcut } from '../../shortcuts'
import { useCallShortcuts } from '../hooks/useCallShortcuts'
import { CallKeypad } from './CallKeypad'
import { CallQuality } from './CallQuality'
import { DialPad } from './DialPad'
import { LineStatus } from './LineStatus'
import { PhonePreferencesForm } from './PhonePreferencesForm'

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
  /** The line and caller-ID settings forms (the settings feature's), before the preferences. */
  settings: ReactNode
  /** The practice call's scenario picker (the practice scenarios feature's), shown when idle. */
  practice: ReactNode
}

/**
 * The phone itself on the agent desk: the line, the dial pad, practice calls, the keypad and
 * quality of a call in progress, and the phone's settings. The call's own controls are the call
 * bar's (in the shell, above every workspace).
 */
export function SoftphonePanel({ settings, practice }: SoftphonePanelProps) {
  const { t } = useTranslation()
  const phase = useAppStore((s) => s.phone.phase)
  const lastError = useAppStore((s) => s.phone.lastError)
  const isLineUp = useAppStore((s) => s.phone.line.state === RegistrationState.Registered)
  useCallShortcuts()

  return (
    <section className="panel softphone" aria-labelledby="softphone-heading">
      <h2 id="softphone-heading">{t('softphone.heading')}</h2>
      <LineStatus />
      <CallKeypad />
      <CallQuality />
      {/* Hidden during a call rather than unmounted: a ring then costs one attribute instead of
          tearing the pad down (and the number being typed survives it). */}
      {isLineUp && <DialPad hidden={phase !== 'idle'} />}
      <div className="practice" hidden={phase !== 'idle'}>
        {practice}
      </div>
      {lastError && (
        <p role="alert" className="error">
          {lastError}
        </p>
      )}
      <p className="hint">
        {t('softphone.shortcuts', {
          answer: formatShortcut('call.answer', t),
          decline: formatShortcut('call.decline', t),
          hangUp: formatShortcut('call.hangUp', t),
          redial: formatShortcut('call.redial', t),
          practice: formatShortcut('call.practice', t)
        })}
      </p>
      <PhoneSettings forms={settings} />
    </section>
  )
}
