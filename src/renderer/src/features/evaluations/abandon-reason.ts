import type { TFunction } from 'i18next'

const SWITCHED = /^switched to (.+)$/

/**
 * Why a script run was abandoned, in words: the runner records a code ('agent', 'call_ended',
 * 'switched to <script id>'); anything else (an older desk's text) is shown as it came.
 */
export function abandonReasonText(reason: string, t: TFunction): string {
  if (reason === 'agent') return t('evaluations.run.abandonReason.agent')
  if (reason === 'call_ended') return t('evaluations.run.abandonReason.call_ended')
  const switched = SWITCHED.exec(reason)
  if (switched) return t('evaluations.run.abandonReason.switched', { script: switched[1] })
  return reason
}
