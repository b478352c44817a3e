import { useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { useSession } from '../session-context'

export function LoginForm() {
  const { t } = useTranslation()
  const { login } = useSession()
  const status = useAppStore((s) => s.auth.status)
  const error = useAppStore((s) => s.auth.error)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    void login(username, password)
  }

  return (
    <main className="login">
      <form onSubmit={submit} aria-labelledby="login-heading">
        <h1 id="login-heading">{t('login.heading')}</h1>
        <label>
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => {
              setUsername(e.target.value)
            }}
            required
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value)
            }}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error === 'badCredentials' || error === 'unreachable' || error === 'expired'
              ? t(`login.${error}`)
              : t('login.failed', { message: error })}
          </p>
        )}
        <button type="submit" disabled={status === 'logging_in'}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  )
}
