import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import type { CustomerMatch } from '@shared/contract/worker'
import { useAppStore } from '@renderer/stores/app-store'
import type { ScreenPopSource } from '../store'
import { ColleagueCard } from './ColleagueCard'
import { CustomerChooser } from './CustomerChooser'
import { CustomerDetails } from './CustomerDetails'
import { UnknownCaller } from './UnknownCaller'

/** The i18n key saying how the card's customer was found. */
function originKey(source: ScreenPopSource, match: CustomerMatch | null): string {
  if (source !== 'call') return source === 'created' ? 'card.created' : 'card.openedFromSearch'
  if (match?.matchedBy === 'cti') return 'card.matchedByCti'
  if (match?.matchedBy === 'online') return 'card.matchedByOnline'
  return 'card.matchedByPhone'
}

type CustomerCardProps = {
  /** The customer search (the search feature's), at the foot of the card. */
  search: ReactNode
}

export function CustomerCard({ search }: CustomerCardProps) {
  const { t } = useTranslation()
  const status = useAppStore((s) => s.screenPop.status)
  const match = useAppStore((s) => s.screenPop.match)
  const customer = useAppStore((s) => s.screenPop.customer)
  const source = useAppStore((s) => s.screenPop.source)
  const callId = useAppStore((s) => s.screenPop.callId)
  const colleague = useAppStore((s) => s.screenPop.colleague)
  const persona = useAppStore((s) => s.screenPop.persona)

  let body
  if (status === 'idle') body = <p className="muted">{t('card.empty')}</p>
  else if (status === 'looking') body = <p aria-busy="true">{t('card.looking')}</p>
  // A colleague is no customer: who they are, and no quick-create form. A customer the agent
  // opens from search during the call still shows.
  else if (colleague && source === 'call') body = <ColleagueCard colleague={colleague} />
  else if (customer) {
    body = (
      <>
        {/* A persona's origin is the practice note above the card: not said twice. */}
        {!(persona !== null && source === 'call') && (
          <p className="muted">{t(originKey(source, match))}</p>
        )}
        <CustomerDetails customer={customer} persona={source === 'call' ? persona : null} />
      </>
    )
  } else if (match && match.customers.length > 1) body = <CustomerChooser match={match} />
  else body = <UnknownCaller key={callId ?? 'none'} match={match} />

  return (
    <section className="panel card" aria-labelledby="card-heading">
      <h2 id="card-heading">{t('card.heading')}</h2>
      {search}
      {persona && status === 'done' && (
        <p className="practice-banner" role="note">
          {t('card.practicePersona')}
        </p>
      )}
      {body}
    </section>
  )
}
