import { X } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { effectiveAgentState } from '../agent-state'
import type { ForcedState } from '../store'
import { usePauseReasons } from '../use-pause-reasons'
import { useReasonLabel } from '../use-reason-label'
import './force-state.css'

/**
 * Tells the agent, calmly, that their team lead changed their state ("Carla Méndez te puso en
 * Pausa · Reunión — «nota»"), until they dismiss it. A status message: read out once, never an
 * alarm; the state control beside it already shows the new state.
 */
export function ForcedStateNotice() {
  const { t } = useTranslation()
  const forced = useAppStore((s) => s.agent.forced)
  const busy = useAppStore(
    (s) => effectiveAgentState(s.agent.availability, s.phone.phase) !== s.agent.availability.kind
  )
  const dismiss = useAppStore((s) => s.forcedNoticeDismissed)
  const labelOf = useReasonLabel(usePauseReasons())
  return (
    // Always in the page, so a screen reader hears the notice when it appears.
    <div
      role="status"
      aria-label={t('forceState.notice.label')}
      className={forced ? 'shell-notice' : 'shell-notice-empty'}
    >
      {forced && (
        <>
          <p>{noticeText(forced)}</p>
          <button
            type="button"
            className="quiet"
            aria-label={t('forceState.notice.dismissLabel')}
            onClick={dismiss}
          >
            <X size={14} aria-hidden="true" />
            {t('forceState.notice.dismiss')}
          </button>
        </>
      )}
    </div>
  )

  function noticeText(forced: ForcedState): string {
    const name = forced.by ? sanitizeDisplayText(forced.by, 80) : t('forceState.notice.someone')
    const main =
      forced.state === 'ready'
        ? t('forceState.notice.ready', { name })
        : t(busy ? 'forceState.notice.pausedAfterCall' : 'forceState.notice.paused', {
            name,
            reason: forced.pauseReason === null ? '' : labelOf(forced.pauseReason)
          })
    if (!forced.note) return main
    return t('forceState.notice.withNote', {
      text: main,
      note: sanitizeDisplayText(forced.note, 200)
    })
  }
}
