import { useTranslation } from 'react-i18next'

import type { LocalCompensation } from '@shared/contract/worker'

const badgeClass = { granted: 'ok', approved: 'ok', pending: 'pending', rejected: 'warn' } as const

/** Where a compensation stands, and whether the server has seen it yet. */
export function CompensationStatusBadge({ compensation }: { compensation: LocalCompensation }) {
  const { t } = useTranslation()
  const waiting = compensation.syncState === 'pending' || compensation.decisionPending
  return (
    <>
      <span className={`badge ${badgeClass[compensation.status]}`}>
        {t(`compensation.statuses.${compensation.status}`)}
      </span>
      {waiting && <span className="badge pending">{t('compensation.waitingSync')}</span>}
    </>
  )
}
