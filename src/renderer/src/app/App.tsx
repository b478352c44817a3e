import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { LoginForm } from '../features/auth/components/LoginForm'
import { restoreSession } from '../features/auth/session'
import { useAppStore } from '../stores/app-store'
import { Workstation } from './Workstation'

export function App() {
  const { t } = useTranslation()
  const status = useAppStore((s) => s.auth.status)
  useEffect(() => {
    void restoreSession()
  }, [])
  if (status === 'booting') return <p aria-busy="true">{t('app.loading')}</p>
  if (status === 'ready') return <Workstation />
  return <LoginForm />
}
