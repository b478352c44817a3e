import { useTranslation } from 'react-i18next'

import { cacheFreshness } from '@shared/domain/cache-freshness'
import { useAppStore } from '@renderer/stores/app-store'
import { useNow } from '@renderer/hooks/useNow'
import { dateTimeFormat } from '@renderer/i18n/formatters'

/** When the cache last synced, and a warning once what the card shows may be out of date. */
export function CacheFreshnessNote() {
  const { t, i18n } = useTranslation()
  const lastSyncAt = useAppStore((s) => s.sync.lastSyncAt)
  const now = useNow()
  const freshness = cacheFreshness(lastSyncAt, now)
  const when =
    lastSyncAt === null
      ? t('card.neverSynced')
      : dateTimeFormat(i18n.language, { timeStyle: 'short' }).format(new Date(lastSyncAt))
  return (
    <p className="cache-freshness muted">
      {t('card.lastSync', { when })}
      {freshness !== 'fresh' && (
        <strong role="note" className="badge warn">
          {' '}
          {t('card.staleCache')}
        </strong>
      )}
    </p>
  )
}
