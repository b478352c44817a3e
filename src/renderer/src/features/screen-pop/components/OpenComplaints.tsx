import { useTranslation } from 'react-i18next'

import type { LocalComplaint } from '@shared/contract/worker'
import { complaintSla, type SlaState } from '@shared/domain/complaint-sla'
import { slaStatus } from '@shared/domain/complaint-severity'
import { categoryLabel, useComplaintCategories } from '../../complaints'
import { useOpenComplaints } from '../hooks/useCustomerComplaints'
import { useNow } from '@renderer/hooks/useNow'
import { show } from './show'

type OpenComplaintsProps = { customerId: string }

/**
 * A case's SLA state on the card: against its severity's due time, or the 48 h rule for one
 * filed before severities existed (see the README).
 */
function cardSla(c: LocalComplaint, now: Date): SlaState {
  if (c.dueAt === null) return complaintSla(c.createdAt, now)
  const sla = slaStatus({ createdAt: c.createdAt, dueAt: c.dueAt, resolvedAt: null, now })
  return sla === 'on_time' || sla === 'due_soon' ? sla : 'overdue'
}

/** Open complaints of the caller with their SLA state. */
export function OpenComplaints({ customerId }: OpenComplaintsProps) {
  const { t, i18n } = useTranslation()
  const complaints = useOpenComplaints(customerId)
  const configured = useComplaintCategories()
  const now = useNow()
  return (
    <section aria-label={t('card.openComplaints')}>
      <h4>{t('card.openComplaints')}</h4>
      {complaints.length === 0 ? (
        <p className="muted">{t('card.noOpenComplaints')}</p>
      ) : (
        <ul className="card-complaints">
          {complaints.map((c) => {
            const sla = cardSla(c, now)
            return (
              <li key={c.id}>
                <span className={`badge sla-${sla}`}>{t(`card.sla.${sla}`)}</span>{' '}
                {c.caseNumber ? `${c.caseNumber} · ` : ''}
                {categoryLabel(c.category, configured, t, i18n.language)}: {show(c.description, 80)}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
