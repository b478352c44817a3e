import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { I18nProvider } from 'react-aria-components'

import { useAppStore } from '@renderer/stores/app-store'
import { LoginForm, SessionProvider, useSession } from '../features/auth'
import { MonitoringProvider } from '../features/monitoring'
import { ScriptRunnerProvider } from '../features/scripts'
import { SoftphoneProvider } from '../features/softphone'
import type { AppServices } from './compose-app'
import { Workstation } from './Workstation'

type AppProps = { services: AppServices }

export function App({ services }: AppProps) {
  return (
    <SessionProvider value={services.session}>
      <SoftphoneProvider value={services.softphone}>
        <ScriptRunnerProvider value={services.scripts}>
          <MonitoringProvider value={services.monitoring}>
            <Screen />
          </MonitoringProvider>
        </ScriptRunnerProvider>
      </SoftphoneProvider>
    </SessionProvider>
  )
}

/** Loading, the login form, or the workstation, as the session goes. */
function Screen() {
  const { t, i18n } = useTranslation()
  const status = useAppStore((s) => s.auth.status)
  const { restore } = useSession()
  useEffect(() => {
    void restore()
  }, [restore])
  if (status === 'booting') return <p aria-busy="true">{t('app.loading')}</p>
  // The component library's own texts (a dialog's dismiss button, a date field) in the UI's language.
  const locale = i18n.language.startsWith('en') ? 'en-US' : 'es-ES'
  return (
    <I18nProvider locale={locale}>
      {status === 'ready' ? <Workstation /> : <LoginForm />}
    </I18nProvider>
  )
}
