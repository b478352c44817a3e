import { useTranslation } from 'react-i18next'

import { slaRemainingMs } from '@shared/domain/complaint-severity'

const MINUTE_MS = 60_000

/** Time to the due time, or past it, in hours and minutes ("vence en 3 h 05 min"). */
export function SlaCountdown({ dueAt, now }: { dueAt: string; now: Date }) {
  const { t } = useTranslation()
  const left = slaRemainingMs(dueAt, now)
  const minutes = Math.floor(Math.abs(left) / MINUTE_MS)
  const parts = {
    hours: Math.floor(minutes / 60),
    minutes: String(minutes % 60).padStart(2, '0')
  }
  return (
    <span className="sla-countdown">
      {left > 0 ? t('complaintWork.dueIn', parts) : t('complaintWork.overdueBy', parts)}
    </span>
  )
}
