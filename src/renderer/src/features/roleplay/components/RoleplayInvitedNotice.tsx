import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { useInvitations } from '../invitations'
import '../roleplay.css'

/**
 * In the shell, while the desk is out of sight: a trainer waits for this trainee's call. One
 * button brings the desk, where the invitation is. A status, always in the page, so it is heard
 * once when it appears and never steals the focus.
 */
export function RoleplayInvitedNotice({ deskShown }: { deskShown: boolean }) {
  const { t } = useTranslation()
  const first = useInvitations((s) => s.open[0] ?? null)
  const openDesk = useAppStore((s) => s.workspaceOpened)
  const shown = first !== null && !deskShown
  return (
    <div
      role="status"
      aria-label={t('roleplay.invitation.heading')}
      className={shown ? 'shell-notice' : 'shell-notice-empty'}
    >
      {shown && (
        <>
          <p>
            {t('roleplay.invitation.waiting', {
              trainer: sanitizeDisplayText(first.trainerName, 80)
            })}
          </p>
          <button
            type="button"
            onClick={() => {
              openDesk('desk')
            }}
          >
            {t('roleplay.invitation.toDesk')}
          </button>
        </>
      )}
    </div>
  )
}
