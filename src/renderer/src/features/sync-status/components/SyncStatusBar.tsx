import { RefreshCw } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import { dateTimeFormat } from '@renderer/i18n/formatters'
import { SyncProblems } from './SyncProblems'

export function SyncStatusBar() {
  const { t, i18n } = useTranslation()
  const sync = useAppStore((s) => s.sync)
  const time = sync.lastSyncAt
    ? dateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(new Date(sync.lastSyncAt))
    : t('sync.never')
  const problems = sync.rejected + sync.stuck
  // The list is outside the live region: its items and buttons are not status to announce.
  return (
    <div className="sync-status">
      <div role="status" aria-label={t('sync.status')} className="sync-status-counts">
        <span className={sync.isLive ? 'live' : 'offline'}>
          {sync.isLive ? t('sync.live') : t('sync.offline')}
        </span>
        <span>{t('sync.pending', { count: sync.pending })}</span>
        {sync.rejected > 0 && (
          <span className="warn">{t('sync.rejected', { count: sync.rejected })}</span>
        )}
        {sync.stuck > 0 && (
          <span className="warn">
            {t('sync.stuck', { count: sync.stuck })}
            {sync.stuckReason &&
              ` · ${t('sync.stuckReason', { message: sync.stuckReason.message })}`}
          </span>
        )}
        <span className="sync-last">{t('sync.lastSync', { time })}</span>
        {sync.lastError && (
          <span className="error">{t('sync.lastError', { message: sync.lastError.message })}</span>
        )}
      </div>
      {problems > 0 && <SyncProblems count={problems} />}
      <button
        type="button"
        className="quiet icon"
        aria-label={t('sync.syncNow')}
        title={t('sync.syncNow')}
        onClick={() => void dataClient()?.send('sync:now', {})}
      >
        <RefreshCw size={15} aria-hidden="true" />
      </button>
    </div>
  )
}
