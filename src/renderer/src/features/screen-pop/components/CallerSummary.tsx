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
  const colleague = useAppStore((s) =>
    s.screenPop.source === 'call' ? s.screenPop.colleague : null
  )
  if (status === 'looking') return <span aria-busy="true">{t('card.looking')}</span>
  if (status !== 'done') return null
  // A colleague (matched by extension, never by name) is no unknown caller.
  if (colleague) {
    return (
      <span className="caller-summary">
        {t('colleagues.summary', {
          name: sanitizeDisplayText(colleague.displayName, 60),
          role: t(`colleagues.roles.${colleague.role}`),
          extension: colleague.extension ?? ''
        })}
      </span>
    )
  }
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
