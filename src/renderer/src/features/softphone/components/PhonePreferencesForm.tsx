import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { DTMF_METHODS, type DtmfMethod } from '@renderer/telephony/call-session'
import {
  AUTO_ANSWER_MODES,
  loadPhonePreferences,
  phonePreferencesSchema,
  RING_TIMEOUT_LIMITS,
  savePhonePreferences
} from '../phone-preferences'

const isDtmfMethod = (value: string): value is DtmfMethod =>
  DTMF_METHODS.some((method) => method === value)

/** Line mode, DTMF method, outbound ring timeout and auto-answer; applied to the next call. */
export function PhonePreferencesForm() {
  const { t } = useTranslation()
  const [initial] = useState(loadPhonePreferences)
  const [singleLine, setSingleLine] = useState(initial.singleLine)
  const [dtmfMethod, setDtmfMethod] = useState<DtmfMethod>(initial.dtmfMethod)
  const [ringTimeout, setRingTimeout] = useState(String(initial.ringTimeoutSeconds))
  const [autoAnswer, setAutoAnswer] = useState(initial.autoAnswer)
  const [status, setStatus] = useState<'saved' | 'invalid' | null>(null)

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    const parsed = phonePreferencesSchema.safeParse({
      singleLine,
      dtmfMethod,
      ringTimeoutSeconds: Number(ringTimeout),
      autoAnswer
    })
    if (!parsed.success) {
      setStatus('invalid')
      return
    }
    savePhonePreferences(parsed.data)
    setStatus('saved')
  }

  return (
    <details className="phone-preferences">
      <summary>{t('softphone.preferences.heading')}</summary>
      <form aria-label={t('softphone.preferences.heading')} onSubmit={submit} noValidate>
        <label>
          <input
            type="checkbox"
            checked={singleLine}
            onChange={(e) => {
              setSingleLine(e.target.checked)
            }}
          />
          {t('softphone.preferences.singleLine')}
        </label>
        <label>
          {t('softphone.preferences.autoAnswer')}
          <select
            value={autoAnswer}
            onChange={(e) => {
              const mode = AUTO_ANSWER_MODES.find((m) => m === e.target.value)
              if (mode) setAutoAnswer(mode)
            }}
          >
            {AUTO_ANSWER_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`softphone.preferences.autoAnswerModes.${mode}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('softphone.preferences.dtmfMethod')}
          <select
            value={dtmfMethod}
            onChange={(e) => {
              if (isDtmfMethod(e.target.value)) setDtmfMethod(e.target.value)
            }}
          >
            {DTMF_METHODS.map((method) => (
              <option key={method} value={method}>
                {t(`softphone.preferences.dtmf.${method}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('softphone.preferences.ringTimeout')}
          <input
            type="number"
            min={RING_TIMEOUT_LIMITS.min}
            max={RING_TIMEOUT_LIMITS.max}
            value={ringTimeout}
            aria-invalid={status === 'invalid'}
            onChange={(e) => {
              setRingTimeout(e.target.value)
              setStatus(null)
            }}
          />
        </label>
        <button type="submit">{t('softphone.preferences.save')}</button>
        {status === 'saved' && <p role="status">{t('softphone.preferences.saved')}</p>}
        {status === 'invalid' && (
          <p role="alert" className="error">
            {t('softphone.preferences.invalidTimeout', RING_TIMEOUT_LIMITS)}
          </p>
        )}
      </form>
    </details>
  )
}
