import { useTranslation } from 'react-i18next'

import { useRecentInteractions } from '../hooks/useRecentInteractions'
import { dateTimeFormat } from '@renderer/i18n/formatters'
import { CallWhispers } from '../../coaching'
import { CallMonitoredBy } from '../../monitoring'

/** The last calls with this customer: who called whom, when, and how it ended. */
export function RecentInteractions({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const interactions = useRecentInteractions(customerId)
  const when = dateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' })
  return (
    <section aria-label={t('card.recentCalls')} className="recent-calls">
      <h4>{t('card.recentCalls')}</h4>
      {interactions.length === 0 ? (
        <p className="hint">{t('card.noRecentCalls')}</p>
      ) : (
        <ul>
          {interactions.map((i) => {
            const seconds =
              i.answeredAt === null ? 0 : (Date.parse(i.endedAt) - Date.parse(i.answeredAt)) / 1000
            return (
              <li key={i.id}>
                {when.format(new Date(i.ringAt))} · {t(`card.direction.${i.direction}`)} ·{' '}
                {t(`card.callResult.${i.result}`)}
                {i.result === 'answered' &&
                  ` · ${t('card.talkTime', { minutes: Math.floor(seconds / 60), seconds: String(Math.round(seconds % 60)).padStart(2, '0') })}`}
                {i.syncState !== 'synced' && ` · ${t('card.notSyncedYet')}`}
                <CallMonitoredBy monitors={i.monitoredBy} />
                <CallWhispers callId={i.callId} />
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
