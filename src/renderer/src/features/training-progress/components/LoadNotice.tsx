import { RefreshCw } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import type { TrainingLoad } from '../use-training-load'

/**
 * A read that is not ready, said calmly: loading is busy (the e2e tour waits on it), no server
 * is a status with a retry, what the reader may not see and a failure are alerts.
 */
export function LoadNotice({
  load,
  loading,
  onRetry
}: {
  load: Exclude<TrainingLoad<unknown>, { state: 'ready' } | { state: 'idle' }>
  /** The loading text, when the panel has a more telling one than the general. */
  loading?: string
  onRetry?: () => void
}) {
  const { t } = useTranslation()
  switch (load.state) {
    case 'loading':
      return (
        <p aria-busy="true" className="muted">
          {loading ?? t('trainingProgress.loading')}
        </p>
      )
    case 'offline':
      return (
        <p role="status" className="progress-offline">
          {t('trainingProgress.offline')}{' '}
          {onRetry && (
            <button type="button" onClick={onRetry}>
              <RefreshCw size={14} aria-hidden="true" />
              {t('trainingProgress.retry')}
            </button>
          )}
        </p>
      )
    case 'forbidden':
      return (
        <p role="alert" className="error">
          {t('trainingProgress.forbidden')}
        </p>
      )
    case 'failed':
      return (
        <p role="alert" className="error">
          {t('trainingProgress.failed', { message: load.message })}
        </p>
      )
  }
}
