import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { AudioDeviceSettings } from '../../devices/components/AudioDeviceSettings'
import { PreCallCheck } from '../../precall/components/PreCallCheck'
import { restartPhoneLine } from '../../softphone/phone-line'
import type { IceServer } from '../../../../../shared/domain/sip-account'
import {
  loadOverrides,
  parseOverrideForm,
  saveOverrides,
  type OverrideErrors
} from '../sip-overrides'

function iceLine(server: IceServer): string {
  const urls = typeof server.urls === 'string' ? server.urls : server.urls.join(',')
  return [urls, server.username, server.credential].filter(Boolean).join(' ')
}

/** Local overrides of the SIP WebSocket and ICE servers; the password is not editable here. */
export function PhoneSettingsForm() {
  const { t } = useTranslation()
  const [initial] = useState(loadOverrides)
  const [wsServers, setWsServers] = useState(initial.wsServers.join('\n'))
  const [iceServers, setIceServers] = useState(initial.iceServers.map(iceLine).join('\n'))
  const [useCustomIce, setUseCustomIce] = useState(initial.useCustomIce)
  const [errors, setErrors] = useState<OverrideErrors>({})
  const [saved, setSaved] = useState(false)

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    const parsed = parseOverrideForm({ wsServers, iceServers, useCustomIce })
    setSaved(parsed.ok)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    setErrors({})
    saveOverrides(parsed.overrides)
    void restartPhoneLine()
  }

  return (
    <details className="phone-settings">
      <summary>{t('settings.heading')}</summary>
      <form aria-label={t('settings.heading')} onSubmit={submit} noValidate>
        <label>
          {t('settings.wsServers')}
          <textarea
            rows={2}
            value={wsServers}
            aria-invalid={errors.wsServers !== undefined}
            aria-describedby="ws-servers-hint"
            onChange={(e) => {
              setWsServers(e.target.value)
            }}
          />
        </label>
        <small id="ws-servers-hint">{t('settings.wsHint')}</small>
        {errors.wsServers && (
          <p role="alert" className="error">
            {t(errors.wsServers.key, { line: errors.wsServers.line })}
          </p>
        )}
        <label>
          {t('settings.iceServers')}
          <textarea
            rows={2}
            value={iceServers}
            aria-invalid={errors.iceServers !== undefined}
            onChange={(e) => {
              setIceServers(e.target.value)
            }}
          />
        </label>
        {errors.iceServers && (
          <p role="alert" className="error">
            {t(errors.iceServers.key, { line: errors.iceServers.line })}
          </p>
        )}
        <label>
          <input
            type="checkbox"
            checked={useCustomIce}
            onChange={(e) => {
              setUseCustomIce(e.target.checked)
            }}
          />
          {t('settings.useCustomIce')}
        </label>
        <button type="submit">{t('settings.save')}</button>
        {saved && <p role="status">{t('settings.saved')}</p>}
      </form>
      <AudioDeviceSettings />
      <PreCallCheck />
    </details>
  )
}
