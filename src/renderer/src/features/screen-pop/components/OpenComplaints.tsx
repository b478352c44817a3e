import { useTranslation } from 'react-i18next'

import { complaintSla } from '../../../../../shared/domain/complaint-sla'
import { useOpenComplaints } from '../hooks/useCustomerComplaints'
import { useNow } from '../hooks/useNow'
import { show } from './show'

type OpenComplaintsProps = { customerId: string }

/** Open complaints of the caller with their SLA state (48 h rule, see the README). */
export function OpenComplaints({ customerId }: OpenComplaintsProps) {
  const { t } = useTranslation()
  const complaints = useOpenComplaints(customerId)
  const now = useNow()
  return (
    <section aria-label={t('card.openComplaints')}>
      <h4>{t('card.openComplaints')}</h4>
      {complaints.length === 0 ? (
        <p className="muted">{t('card.noOpenComplaints')}</p>
      ) : (
        <ul className="card-complaints">
          {complaints.map((c) => {
            const sla = complaintSla(c.createdAt, now)
            return (
              <li key={c.id}>
                <span className={`badge sla-${sla}`}>{t(`card.sla.${sla}`)}</span>{' '}
                {c.caseNumber ? `${c.caseNumber} · ` : ''}
                {t(`complaints.categories.${c.category}`)}: {show(c.description, 80)}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
