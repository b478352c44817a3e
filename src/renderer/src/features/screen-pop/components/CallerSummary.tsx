import { useTranslation } from 'react-i18next'

import { fullName } from '@shared/domain/customer'
import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'

/**
 * The card in one line, for the call bar: who the caller is and their value tier, so the person
 * knows whom they answer from any workspace. The full card stays on the agent desk.
 */
export function CallerSummary() {
  const { t } = useTranslation()
  const status = useAppStore((s) => s.screenPop.status)
  const customer = useAppStore((s) => s.screenPop.customer)
  const choices = useAppStore((s) => s.screenPop.match?.customers.length ?? 0)
  if (status === 'looking') return <span aria-busy="true">{t('card.looking')}</span>
  if (status !== 'done') return null
  if (!customer) {
    return (
      <span className="muted">
        {choices > 1 ? t('callBar.severalMatches') : t('callBar.unknown')}
      </span>
    )
  }
  return (
    <span className="caller-summary">
      <strong>{sanitizeDisplayText(fullName(customer), 60)}</strong>{' '}
      <span className={`badge tier-${customer.tier}`}>{t(`card.tiers.${customer.tier}`)}</span>
    </span>
  )
}
