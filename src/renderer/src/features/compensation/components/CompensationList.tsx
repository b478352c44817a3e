import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { formatAmount } from '@renderer/i18n/format-amount'
import { useCompensations } from '../hooks/use-compensations'
import { CompensationStatusBadge } from './CompensationStatusBadge'

/** A complaint's compensations, newest first, with their status live. */
export function CompensationList({ complaintId }: { complaintId: string }) {
  const { t, i18n } = useTranslation()
  const compensations = useCompensations(complaintId, null)
  if (compensations.length === 0) return <p className="muted">{t('compensation.none')}</p>
  return (
    <ul className="compensation-list" aria-label={t('compensation.heading')}>
      {compensations.map((c) => {
        const amount = formatAmount(c.amount, c.currency, i18n.language)
        return (
          <li key={c.id} aria-label={`${t(`compensation.types.${c.type}`)} ${amount}`}>
            <span>{t(`compensation.types.${c.type}`)}</span> <strong>{amount}</strong>{' '}
            <CompensationStatusBadge compensation={c} />
            {c.decisionReason !== null && (
              <span>
                {' '}
                {t('compensation.decisionReason', {
                  reason: sanitizeDisplayText(c.decisionReason, 200)
                })}
              </span>
            )}
            {c.refusedReason !== null && (
              <p role="alert" className="error">
                {t('compensation.refused', { reason: c.refusedReason })}
              </p>
            )}
          </li>
        )
      })}
    </ul>
  )
}
