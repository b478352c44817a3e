import { useTranslation } from 'react-i18next'

import type { CustomerMatch } from '../../../../../shared/contract/worker'
import type { Customer } from '../../../../../shared/domain/customer'
import { fullName } from '../../../../../shared/domain/customer'
import { sanitizeDisplayText } from '../../../../../shared/domain/text'
import { activitySegment, frequencySegment } from '../../../../../shared/domain/value-tier'
import { useAppStore } from '../../../stores/app-store'
import type { ScreenPopSource } from '../store'
import { CustomerChooser } from './CustomerChooser'
import { UnknownCaller } from './UnknownCaller'

/** Customer fields are hostile input: shown as text, cut in the view (never in storage). */
const show = (text: string, max = 120) => sanitizeDisplayText(text, max)

function CustomerDetails({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation()
  const money = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'EUR' })
  return (
    <article aria-label={show(fullName(customer))} className="customer">
      <h3>{show(fullName(customer))}</h3>
      <p className="badges">
        <span className={`badge tier-${customer.tier}`}>
          {t('card.tier')}: {t(`card.tiers.${customer.tier}`)}
        </span>
        <span className="badge">{t(`card.activity.${activitySegment(customer)}`)}</span>
        <span className="badge">{t(`card.frequency.${frequencySegment(customer)}`)}</span>
        {customer.doNotCall && <span className="badge warn">{t('card.doNotCall')}</span>}
      </p>
      <dl>
        <dt>{t('card.phones')}</dt>
        <dd>{customer.phones.map((p) => p.e164).join(', ')}</dd>
        <dt>{t('card.emails')}</dt>
        <dd>{show(customer.emails.join(', '))}</dd>
        <dt>{t('card.document')}</dt>
        <dd>{show(customer.documentId ?? '—')}</dd>
        <dt>{t('card.language')}</dt>
        <dd>{customer.preferredLanguage.toUpperCase()}</dd>
        <dt>{t('card.monetary12m')}</dt>
        <dd>{money.format(customer.monetary12m)}</dd>
        <dt>{t('card.lifetimeValue')}</dt>
        <dd>{money.format(customer.lifetimeValue)}</dd>
        <dt>{t('card.products')}</dt>
        <dd>{show(customer.products.map((p) => p.name).join(', ') || '—', 300)}</dd>
        <dt>{t('card.notes')}</dt>
        <dd>{show(customer.notes || '—', 300)}</dd>
      </dl>
    </article>
  )
}

/** The i18n key saying how the card's customer was found. */
function originKey(source: ScreenPopSource, match: CustomerMatch | null): string {
  if (source !== 'call') return source === 'created' ? 'card.created' : 'card.openedFromSearch'
  if (match?.matchedBy === 'cti') return 'card.matchedByCti'
  if (match?.matchedBy === 'online') return 'card.matchedByOnline'
  return 'card.matchedByPhone'
}

export function CustomerCard() {
  const { t } = useTranslation()
  const status = useAppStore((s) => s.screenPop.status)
  const match = useAppStore((s) => s.screenPop.match)
  const customer = useAppStore((s) => s.screenPop.customer)
  const source = useAppStore((s) => s.screenPop.source)
  const callId = useAppStore((s) => s.screenPop.callId)

  let body
  if (status === 'idle') body = <p className="muted">{t('card.empty')}</p>
  else if (status === 'looking') body = <p aria-busy="true">{t('card.looking')}</p>
  else if (customer) {
    body = (
      <>
        <p className="muted">{t(originKey(source, match))}</p>
        <CustomerDetails customer={customer} />
      </>
    )
  } else if (match && match.customers.length > 1) body = <CustomerChooser match={match} />
  else body = <UnknownCaller key={callId ?? 'none'} match={match} />

  return (
    <section className="panel card" aria-labelledby="card-heading">
      <h2 id="card-heading">{t('card.heading')}</h2>
      {body}
    </section>
  )
}
