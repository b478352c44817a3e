import { useTranslation } from 'react-i18next'

import type { LocalCompensation } from '../../../../../shared/contract/worker'
import { sanitizeDisplayText } from '../../../../../shared/domain/text'
import { useAppStore } from '../../../stores/app-store'
import { formatAmount } from '../../compensation/format-amount'
import {
  useCompensationDirectory,
  useComplaintTimeline
} from '../../compensation/hooks/use-compensations'

/**
 * A complaint's history in order: filed, each lifecycle step, each compensation granted,
 * requested, approved or rejected, with who and when, and the note left with it.
 */
export function ComplaintTimeline({
  complaintId,
  compensations
}: {
  complaintId: string
  compensations: readonly LocalCompensation[]
}) {
  const { t, i18n } = useTranslation()
  const entries = useComplaintTimeline(complaintId)
  const { users } = useCompensationDirectory()
  const me = useAppStore((s) => s.auth.user)
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  const nameOf = (actorId: string | null): string => {
    if (actorId === null || actorId === me?.id) return t('compensation.you')
    const user = users.find((u) => u.id === actorId)
    return user ? sanitizeDisplayText(user.displayName, 60) : t('compensation.unknownUser')
  }
  return (
    <section aria-label={t('compensation.timeline')}>
      <h4>{t('compensation.timeline')}</h4>
      <ol className="timeline">
        {entries.map((e) => {
          const compensation = compensations.find((c) => c.id === e.compensationId)
          return (
            <li key={e.id}>
              <span className="when">{time.format(new Date(e.at))}</span>{' '}
              <strong>{t(`compensation.events.${e.action}`)}</strong>
              {compensation && (
                <span>
                  {' '}
                  {t(`compensation.types.${compensation.type}`)}{' '}
                  {formatAmount(compensation.amount, compensation.currency, i18n.language)}
                </span>
              )}{' '}
              <span>· {nameOf(e.actorId)}</span>
              {e.pending && <span className="badge pending">{t('compensation.waitingSync')}</span>}
              {e.note !== null && <p>{sanitizeDisplayText(e.note, 500)}</p>}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
