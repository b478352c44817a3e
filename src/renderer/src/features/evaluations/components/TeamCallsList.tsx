/**
 * The team's recent calls, from props: agent, when, how long, and "Evaluar llamada" (or "Ver
 * evaluación" when the call already has one; a draft of this lead's goes on where it was left).
 */
import { ClipboardCheck, Eye } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import type { LocalEvaluation } from '@shared/contract/worker'
import { elapsed } from '@renderer/ui/elapsed'

import { dateTimeText, nameText } from '../score-text'
import type { TeamCall } from '../team-calls'

export interface TeamCallsListProps {
  calls: readonly TeamCall[]
  onEvaluate: (call: TeamCall) => void
  onView: (evaluation: LocalEvaluation) => void
}

export function TeamCallsList({ calls, onEvaluate, onView }: TeamCallsListProps) {
  const { t, i18n } = useTranslation()
  if (calls.length === 0) return <p className="hint">{t('evaluations.calls.empty')}</p>
  return (
    <ul className="eval-calls" aria-label={t('evaluations.calls.heading')}>
      {calls.map((call) => {
        const i = call.interaction
        const talk =
          i.answeredAt === null ? null : elapsed(Date.parse(i.answeredAt), Date.parse(i.endedAt))
        const name =
          call.agentName === '' ? t('evaluations.calls.unknownAgent') : nameText(call.agentName)
        const existing = call.myDraft === null ? call.evaluation : null
        return (
          <li key={i.id}>
            <span className="eval-call-what">
              <strong>{name}</strong>
              <span className="muted">
                {dateTimeText(i.ringAt, i18n.language)}
                {talk !== null && ` · ${talk}`} · {t(`card.direction.${i.direction}`)}
              </span>
              {call.myDraft !== null && (
                <span className="badge pending">{t('evaluations.calls.draft')}</span>
              )}
            </span>
            {existing !== null ? (
              <button
                type="button"
                aria-label={t('evaluations.calls.viewLabel', { name })}
                onClick={() => {
                  onView(existing)
                }}
              >
                <Eye size={13} aria-hidden="true" />
                {t('evaluations.calls.view')}
              </button>
            ) : (
              <button
                type="button"
                aria-label={t('evaluations.calls.evaluateLabel', { name })}
                onClick={() => {
                  onEvaluate(call)
                }}
              >
                <ClipboardCheck size={13} aria-hidden="true" />
                {t('evaluations.calls.evaluate')}
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )
}
