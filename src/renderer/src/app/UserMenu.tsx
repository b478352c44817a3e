import { ChevronDown, CircleUser } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { Button, Dialog, DialogTrigger, Popover } from 'react-aria-components'

import { useAppStore } from '@renderer/stores/app-store'
import { useSession } from '../features/auth'
import { LanguageSelect } from './LanguageSelect'
import { ThemeSelect } from './ThemeSelect'

/**
 * Who is signed in, and what belongs to the person rather than to a workspace: language, theme,
 * signing out. A popover keeps the top bar to one calm line at 1366 px.
 */
export function UserMenu() {
  const { t } = useTranslation()
  const user = useAppStore((s) => s.auth.user)
  const { logout } = useSession()
  if (!user) return null
  const role = t(`app.roles.${user.role}`)
  return (
    <DialogTrigger>
      <Button className="user-button" aria-label={t('shell.userMenu', { name: user.displayName })}>
        <CircleUser size={16} aria-hidden="true" />
        <span className="user-name">{user.displayName}</span>
        <ChevronDown size={14} aria-hidden="true" />
      </Button>
      <Popover placement="bottom end" className="popover">
        <Dialog className="user-menu" aria-label={t('shell.userMenuLabel')}>
          <p>{t('app.loggedInAs', { name: user.displayName, role })}</p>
          <LanguageSelect />
          <ThemeSelect />
          <button type="button" onClick={() => void logout()}>
            {t('app.logout')}
          </button>
        </Dialog>
      </Popover>
    </DialogTrigger>
  )
}
