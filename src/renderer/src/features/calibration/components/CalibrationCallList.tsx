import { Check } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { Evaluation } from '@shared/evaluations/evaluation'
import { dateTimeFormat } from '@renderer/i18n/formatters'
import type { CalibrationCall } from '../calibration-view'

/** The calls scored by more than one evaluator; one is open at a time. */
export function CalibrationCallList({
  calls,
  selected,
  onSelect,
  viewerId
}: {
  calls: readonly CalibrationCall<Evaluation>[]
  selected: string | null
  onSelect: (callId: string) => void
  viewerId: string
}) {
  const { t, i18n } = useTranslation()
  const when = dateTimeFormat(i18n.language, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit'
  })
  return (
    <ul className="calibration-calls" aria-label={t('calibration.calls.label')}>
      {calls.map((call) => {
        const scored = call.evaluations.some(
          (e) => e.evaluatorId === viewerId && e.state !== 'draft'
        )
        const name = sanitizeDisplayText(call.agentName, 60)
        return (
          <li key={call.callId}>
            <button
              type="button"
              aria-current={call.callId === selected ? 'true' : undefined}
              onClick={() => {
                onSelect(call.callId)
              }}
            >
              <span className="calibration-call-name" title={name}>
                {name}
              </span>
              <span className="muted">
                {when.format(new Date(call.evaluations[0]?.createdAt ?? call.updatedAt))} ·{' '}
                {t('calibration.calls.evaluators', { count: call.evaluations.length })}
              </span>
              {scored && (
                <span className="calibration-scored">
                  <Check size={12} aria-hidden="true" /> {t('calibration.calls.scored')}
                </span>
              )}
            </button>
          </li>
        )
      })}
    </ul>
  )
}
