import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { LoginForm, SessionProvider, useSession } from '../features/auth'
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
          <Screen />
        </ScriptRunnerProvider>
      </SoftphoneProvider>
    </SessionProvider>
  )
}

/** Loading, the login form, or the workstation, as the session goes. */
function Screen() {
  const { t } = useTranslation()
  const status = useAppStore((s) => s.auth.status)
  const { restore } = useSession()
  useEffect(() => {
    void restore()
  }, [restore])
  if (status === 'booting') return <p aria-busy="true">{t('app.loading')}</p>
  if (status === 'ready') return <Workstation />
  return <LoginForm />
}
