import { useTranslation } from 'react-i18next'

import type { Customer } from '@shared/domain/customer'
import { fullName } from '@shared/domain/customer'
import { nextBestOffer } from '@shared/domain/next-best-offer'
import type { Persona } from '@shared/practice'
import { activitySegment, frequencySegment } from '@shared/domain/value-tier'
import { CallablePhones } from '../../softphone'
import { useAppStore } from '@renderer/stores/app-store'
import { CacheFreshnessNote } from './CacheFreshnessNote'
import { OpenComplaints } from './OpenComplaints'
import { PersonaRecord } from './PersonaRecord'
import { RecentInteractions } from './RecentInteractions'
import { show } from './show'
import { numberFormat } from '@renderer/i18n/formatters'
import { isPracticeCall } from '@renderer/telephony/call-session'

function Badges({ customer }: { customer: Customer }) {
  const { t } = useTranslation()
  return (
    <p className="badges">
      <span className={`badge tier-${customer.tier}`}>
        {t('card.tier')}: {t(`card.tiers.${customer.tier}`)}
      </span>
      <span className="badge">{t(`card.activity.${activitySegment(customer)}`)}</span>
      <span className="badge">{t(`card.frequency.${frequencySegment(customer)}`)}</span>
      {customer.doNotCall && <span className="badge warn">{t('card.doNotCall')}</span>}
    </p>
  )
}

function OfferLine({ customer }: { customer: Customer }) {
  const { t } = useTranslation()
  const offer = nextBestOffer(customer)
  return (
    <p className="offer">
      <strong>{t('card.nextBestOffer')}:</strong>{' '}
      {offer ? t(`offer.${offer.rule}`) : t('card.noOffer')}
    </p>
  )
}

function LanguageLine({ customer }: { customer: Customer }) {
  const { t } = useTranslation()
  const language = t(`quickCreate.languages.${customer.preferredLanguage}`)
  return <p className="language">{t('card.languageHint', { language })}</p>
}

type CustomerDetailsProps = {
  customer: Customer
  /** On a practice call: the persona the card shows, its record from the scenario. */
  persona?: Persona | null
}

/** The card of one customer; every value is rendered as text and cut in the view only. */
export function CustomerDetails({ customer, persona = null }: CustomerDetailsProps) {
  const { t, i18n } = useTranslation()
  const money = numberFormat(i18n.language, { style: 'currency', currency: 'EUR' })
  const name = show(fullName(customer))
  return (
    <article aria-label={name} className="customer">
      <h3>{name}</h3>
      <Badges customer={customer} />
      <LanguageLine customer={customer} />
      <OfferLine customer={customer} />
      <button
        type="button"
        onClick={() => {
          const call = useAppStore.getState().phone.call
          useAppStore.getState().callbackDraftOpened({
            // A practice callback names the persona's number, never a customer.
            customerId: persona ? null : customer.id,
            contactName: fullName(customer),
            phone: customer.phones[0]?.e164 ?? '',
            dueAt: null,
            note: '',
            callId: null,
            practice: call !== null && isPracticeCall(call)
          })
        }}
      >
        {t('callbacks.schedule')}
      </button>
      {persona ? (
        <PersonaRecord persona={persona} />
      ) : (
        <>
          <OpenComplaints customerId={customer.id} />
          <RecentInteractions customerId={customer.id} />
        </>
      )}
      <dl>
        <dt>{t('card.phones')}</dt>
        <dd>
          <CallablePhones phones={customer.phones.map((p) => p.e164)} />
        </dd>
        <dt>{t('card.emails')}</dt>
        <dd>{show(customer.emails.join(', '))}</dd>
        <dt>{t('card.document')}</dt>
        <dd>{show(customer.documentId ?? '—')}</dd>
        {/* A persona has a value tier but no purchase figures: zeros would mislead. */}
        {!persona && (
          <>
            <dt>{t('card.monetary12m')}</dt>
            <dd>{money.format(customer.monetary12m)}</dd>
            <dt>{t('card.lifetimeValue')}</dt>
            <dd>{money.format(customer.lifetimeValue)}</dd>
          </>
        )}
        <dt>{t('card.products')}</dt>
        <dd>{show(customer.products.map((p) => p.name).join(', ') || '—', 300)}</dd>
        <dt>{t('card.notes')}</dt>
        <dd>{show(customer.notes || '—', 300)}</dd>
      </dl>
      {!persona && <CacheFreshnessNote />}
    </article>
  )
}
