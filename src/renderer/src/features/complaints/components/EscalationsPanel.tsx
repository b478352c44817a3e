import { useTranslation } from 'react-i18next'

import type { LocalComplaint } from '@shared/contract/worker'
import { sanitizeDisplayText } from '@shared/domain/text'
import { dataClient } from '@renderer/data/data-client'
import { useWorkerQuery } from '@renderer/data/use-worker-query'
import { dateTimeFormat } from '@renderer/i18n/formatters'
import { useAppStore } from '@renderer/stores/app-store'
import { defaultComplaintListFilter } from '../store'

const LIMIT = 200

async function loadEscalations(): Promise<LocalComplaint[] | null> {
  const result = await dataClient()?.send('complaint:list', {
    customerId: null,
    limit: LIMIT,
    filter: { agentId: null }
  })
  if (!result?.ok) return null
  return result.data.complaints.filter((c) => c.escalatedAt !== null)
}

/**
 * The team's unanswered escalations, oldest first: what waits for the lead besides approvals.
 * Opening one shows it in the complaint list, found by its case number.
 */
export function EscalationsPanel() {
  const { t, i18n } = useTranslation()
  const escalations = useWorkerQuery<LocalComplaint[]>([], ['complaint'], loadEscalations, [])
  const format = dateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  const show = (complaint: LocalComplaint) => {
    const store = useAppStore.getState()
    store.complaintFilterChanged({
      ...defaultComplaintListFilter,
      scope: 'team',
      search: complaint.caseNumber ?? complaint.description.slice(0, 60)
    })
    store.workspaceOpened('complaints')
  }
  const sorted = [...escalations].sort((a, b) =>
    (a.escalatedAt ?? '').localeCompare(b.escalatedAt ?? '')
  )
  return (
    <section className="panel escalations" aria-labelledby="escalations-heading">
      <h2 id="escalations-heading">{t('complaints.escalations.heading')}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('complaints.escalations.none')}</p>
      ) : (
        <ul className="escalation-list">
          {sorted.map((c) => {
            const description = sanitizeDisplayText(c.description, 120)
            return (
              <li key={c.id} aria-label={description}>
                <p>
                  <strong>{c.caseNumber ?? t('complaints.escalations.noCase')}</strong>{' '}
                  <span className="muted">
                    {format.format(new Date(c.escalatedAt ?? c.createdAt))}
                  </span>
                </p>
                <p>{description}</p>
                {c.escalationReason && (
                  <p className="muted">
                    {t('complaints.escalations.reason', {
                      reason: sanitizeDisplayText(c.escalationReason, 200)
                    })}
                  </p>
                )}
                <button
                  type="button"
                  aria-label={t('complaints.escalations.openLabel', { description })}
                  onClick={() => {
                    show(c)
                  }}
                >
                  {t('complaints.escalations.open')}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
