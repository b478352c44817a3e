import { useTranslation } from 'react-i18next'

import type { LocalComplaint } from '@shared/contract/worker'
import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { useCompensationDirectory } from '../../compensation'
import { resolveEditConflict } from '../commands'
import { fieldLabel, fieldValueText } from '../field-label'
import { useComplaintCategories } from '../hooks/use-complaint-categories'
import { dateTimeFormat } from '@renderer/i18n/formatters'

/**
 * Fields this user edited that someone else had changed first: the server kept theirs. Each one
 * shows both values and who changed theirs when; the user keeps theirs or uses mine (sent again
 * on top of theirs). Until then the conflict stays: nothing is dropped silently.
 */
export function ComplaintConflicts({ complaint }: { complaint: LocalComplaint }) {
  const { t, i18n } = useTranslation()
  const configured = useComplaintCategories()
  const { users } = useCompensationDirectory()
  const me = useAppStore((s) => s.auth.user)
  if (complaint.editConflicts.length === 0) return null
  const time = dateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  const nameOf = (id: string | null): string => {
    if (id === null) return t('compensation.unknownUser')
    if (id === me?.id) return t('compensation.you')
    const user = users.find((u) => u.id === id)
    return user ? sanitizeDisplayText(user.displayName, 60) : t('compensation.unknownUser')
  }
  const valueText = (field: Parameters<typeof fieldLabel>[0], value: string | null) =>
    fieldValueText(field, value, configured, t, i18n.language)
  return (
    <div role="alert" className="edit-conflicts">
      <p>
        <strong>{t('complaints.conflict.heading')}</strong> {t('complaints.conflict.explain')}
      </p>
      <ul>
        {complaint.editConflicts.map((c) => {
          const field = fieldLabel(c.field, t)
          const who = nameOf(c.changedBy)
          return (
            <li key={c.field} aria-label={t('complaints.conflict.fieldLabel', { field })}>
              <strong>{field}</strong>
              <p>
                {t('complaints.conflict.theirs', {
                  who,
                  when: c.changedAt === null ? '' : time.format(new Date(c.changedAt)),
                  value: valueText(c.field, c.theirs)
                })}
              </p>
              <p>{t('complaints.conflict.yours', { value: valueText(c.field, c.yours) })}</p>
              <button
                type="button"
                aria-label={t('complaints.conflict.keepTheirsLabel', { field, who })}
                onClick={() => void resolveEditConflict(complaint.id, c.field, 'theirs')}
              >
                {t('complaints.conflict.keepTheirs')}
              </button>{' '}
              <button
                type="button"
                aria-label={t('complaints.conflict.useMineLabel', { field })}
                onClick={() => void resolveEditConflict(complaint.id, c.field, 'mine')}
              >
                {t('complaints.conflict.useMine')}
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
