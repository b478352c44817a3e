import { useTranslation } from 'react-i18next'

import type { LocalComplaint } from '../../../../../shared/contract/worker'
import { sanitizeDisplayText } from '../../../../../shared/domain/text'
import { useAppStore } from '../../../stores/app-store'
import { categoryLabel } from '../category-label'
import { discardComplaint, fixComplaint } from '../commands'
import { useComplaintCategories } from '../hooks/use-complaint-categories'

function SyncBadge({ complaint }: { complaint: LocalComplaint }) {
  const { t } = useTranslation()
  if (complaint.syncState === 'synced' && complaint.caseNumber) {
    return (
      <span className="badge ok">
        {t('complaints.synced', { caseNumber: complaint.caseNumber })}
      </span>
    )
  }
  if (complaint.syncState === 'rejected') {
    return (
      <span className="badge warn">
        {t('complaints.rejected', { reason: complaint.rejectReason ?? '' })}
      </span>
    )
  }
  return <span className="badge pending">{t('complaints.pending')}</span>
}

/** A rejected complaint is never dropped silently: the agent fixes it or discards it. */
function RejectedActions({ complaint }: { complaint: LocalComplaint }) {
  const { t } = useTranslation()
  const description = sanitizeDisplayText(complaint.description, 60)
  return (
    <span className="row-actions">
      <button
        type="button"
        aria-label={t('complaints.fixLabel', { description })}
        onClick={() => void fixComplaint(complaint)}
      >
        {t('complaints.fix')}
      </button>
      <button
        type="button"
        aria-label={t('complaints.discardLabel', { description })}
        onClick={() => void discardComplaint(complaint.id)}
      >
        {t('complaints.discard')}
      </button>
    </span>
  )
}

export function ComplaintList() {
  const { t, i18n } = useTranslation()
  const items = useAppStore((s) => s.complaints.items)
  const configured = useComplaintCategories()
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  return (
    <section aria-labelledby="complaint-list-heading">
      <h3 id="complaint-list-heading">{t('complaints.list')}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('complaints.none')}</p>
      ) : (
        <ul className="complaint-list">
          {items.map((c) => (
            <li key={c.id} aria-label={sanitizeDisplayText(c.description, 60)}>
              <span className="when">{time.format(new Date(c.createdAt))}</span>{' '}
              <span>{categoryLabel(c.category, configured, t, i18n.language)}</span>{' '}
              <span className="badge">
                {t('complaints.severityBadge', {
                  severity: t(`complaints.severities.${c.severity}`)
                })}
              </span>{' '}
              <SyncBadge complaint={c} />
              {c.syncState === 'rejected' && <RejectedActions complaint={c} />}
              <p>{sanitizeDisplayText(c.description, 300)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
