import { RefreshCw } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import type { AdminLoad, AdminNotice } from './use-source-admin'
import './source-editor.css'

/** Where the list stands while it is not ready: loading, offline (with a retry) or refused. */
export function SourceAdminLoad({
  load,
  onRetry,
  words
}: {
  load: AdminLoad<unknown>
  onRetry: () => void
  words: { offline: string; retry: string; failed: (message: string) => string }
}) {
  const { t } = useTranslation()
  if (load.state === 'loading') return <p aria-busy="true">{t('app.loading')}</p>
  if (load.state === 'offline') {
    return (
      <p role="status" className="source-admin-offline">
        {words.offline}{' '}
        <button type="button" onClick={onRetry}>
          <RefreshCw size={14} aria-hidden="true" />
          {words.retry}
        </button>
      </p>
    )
  }
  if (load.state === 'failed') {
    return (
      <p role="alert" className="error">
        {words.failed(load.message)}
      </p>
    )
  }
  return null
}

/** How the last act went: a polite status when it worked, an alert when not. */
export function SourceAdminNotice({ notice }: { notice: AdminNotice }) {
  if (!notice) return null
  return (
    <p
      role={notice.tone === 'ok' ? 'status' : 'alert'}
      className={notice.tone === 'ok' ? 'source-admin-notice' : 'error'}
    >
      {notice.text}
    </p>
  )
}
