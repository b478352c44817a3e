import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { IceServer } from '@shared/domain/sip-account'
import {
  loadOverrides,
  parseOverrideForm,
  saveOverrides,
  type AccountForm,
  type OverrideErrors
} from '@renderer/settings/sip-overrides'
import { forgetStoredSipPassword, keepSipPassword } from '@renderer/settings/sip-password'
import { AudioDeviceSettings } from '../../devices'
import { PreCallCheck } from '../../precall'
import { useSoftphone } from '../../softphone'

const accountFields: readonly { field: keyof AccountForm; autoComplete: string }[] = [
  { field: 'uri', autoComplete: 'off' },
  { field: 'displayName', autoComplete: 'off' },
  { field: 'authUser', autoComplete: 'username' },
  { field: 'dialPrefix', autoComplete: 'off' }
]

function iceLine(server: IceServer): string {
  const urls = typeof server.urls === 'string' ? server.urls : server.urls.join(',')
  return [urls, server.username, server.credential].filter(Boolean).join(' ')
}

/**
 * This workstation's SIP settings on top of what the central server provisions: the account
 * (address, display name, auth user, password, dialling rules) and the WebSocket and ICE servers.
 * Empty fields keep the provisioned values.
 */
export function PhoneSettingsForm() {
  const { t } = useTranslation()
  const { line } = useSoftphone()
  const [initial] = useState(loadOverrides)
  const [wsServers, setWsServers] = useState(initial.wsServers.join('\n'))
  const [iceServers, setIceServers] = useState(initial.iceServers.map(iceLine).join('\n'))
  const [useCustomIce, setUseCustomIce] = useState(initial.useCustomIce)
  const [account, setAccount] = useState<AccountForm>({
    uri: initial.account.uri ?? '',
    displayName: initial.account.displayName ?? '',
    authUser: initial.account.authUser ?? '',
    dialPrefix: initial.account.dialPrefix ?? ''
  })
  const [password, setPassword] = useState('')
  const [rememberPassword, setRememberPassword] = useState(initial.rememberPassword)
  const [passwordError, setPasswordError] = useState<string | null>(null)
  const [errors, setErrors] = useState<OverrideErrors>({})
  const [saved, setSaved] = useState(false)

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    const parsed = parseOverrideForm({
      wsServers,
      iceServers,
      useCustomIce,
      account,
      rememberPassword
    })
    setSaved(parsed.ok)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    setErrors({})
    try {
      if (password !== '') await keepSipPassword(password, rememberPassword)
      else if (!rememberPassword) await forgetStoredSipPassword()
      setPasswordError(null)
    } catch (error) {
      setPasswordError(error instanceof Error ? error.message : String(error))
    }
    setPassword('')
    saveOverrides(parsed.overrides)
    await line.restart()
  }

  return (
    <details className="phone-settings">
      <summary>{t('settings.heading')}</summary>
      <form aria-label={t('settings.heading')} onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('settings.account')}</legend>
          <small>{t('settings.accountHint')}</small>
          {accountFields.map(({ field, autoComplete }) => (
            <label key={field}>
              {t(`settings.fields.${field}`)}
              <input
                value={account[field]}
                autoComplete={autoComplete}
                aria-invalid={errors.account?.[field] !== undefined}
                onChange={(e) => {
                  setAccount({ ...account, [field]: e.target.value })
                }}
              />
              {errors.account?.[field] && (
                <span role="alert" className="error">
                  {t(errors.account[field])}
                </span>
              )}
            </label>
          ))}
          <label>
            {t('settings.fields.password')}
            <input
              type="password"
              value={password}
              autoComplete="current-password"
              placeholder={t('settings.passwordPlaceholder')}
              onChange={(e) => {
                setPassword(e.target.value)
              }}
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={rememberPassword}
              onChange={(e) => {
                setRememberPassword(e.target.checked)
              }}
            />
            {t('settings.rememberPassword')}
          </label>
          {passwordError && (
            <p role="alert" className="error">
              {t('settings.errors.password', { message: passwordError })}
            </p>
          )}
        </fieldset>
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
