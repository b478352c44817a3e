/**
 * The dispute and its resolution, and the evaluation's history: every step with who, what,
 * when, the comment left with it and the score at that step.
 */
import { useTranslation } from 'react-i18next'

import type { Evaluation } from '@shared/evaluations/evaluation'

import { dateTimeText, nameText, noteText, percentText } from '../score-text'

export function DisputeAndResolution({ evaluation }: { evaluation: Evaluation }) {
  const { t, i18n } = useTranslation()
  const { dispute, resolution } = evaluation
  if (dispute === null && resolution === null) return null
  return (
    <div className="eval-dispute">
      {dispute !== null && (
        <section className="eval-dispute-block">
          <h4>
            {t('evaluations.dispute.heading')}{' '}
            <span className="muted">
              {t('evaluations.dispute.by', {
                agent: nameText(evaluation.agentName),
                time: dateTimeText(dispute.at, i18n.language)
              })}
            </span>
          </h4>
          <p className="eval-note">{noteText(dispute.comment)}</p>
        </section>
      )}
      {resolution !== null && (
        <section className="eval-resolution-block">
          <h4>
            {t(`evaluations.resolution.${resolution.decision}`)}{' '}
            <span className="muted">
              {t('evaluations.resolution.by', {
                name: nameText(resolution.byName),
                time: dateTimeText(resolution.at, i18n.language)
              })}
            </span>
          </h4>
          <p className="eval-note">{noteText(resolution.reason)}</p>
        </section>
      )}
    </div>
  )
}

export function EvaluationHistory({ evaluation }: { evaluation: Evaluation }) {
  const { t, i18n } = useTranslation()
  if (evaluation.history.length === 0) return null
  return (
    <section className="eval-history" aria-labelledby={`eval-history-${evaluation.id}`}>
      <h4 id={`eval-history-${evaluation.id}`}>{t('evaluations.history.heading')}</h4>
      <ol className="timeline">
        {evaluation.history.map((entry, index) => (
          <li key={`${entry.at}-${String(index)}`}>
            <span className="when">{dateTimeText(entry.at, i18n.language)}</span>{' '}
            <strong>{t(`evaluations.history.actions.${entry.action}`)}</strong>{' '}
            <span>· {nameText(entry.actorName)}</span>{' '}
            <span className="eval-history-score">
              ·{' '}
              {entry.criticalFailed
                ? t('evaluations.history.scoreCritical', {
                    percent: percentText(entry.percent, t, i18n.language)
                  })
                : percentText(entry.percent, t, i18n.language)}
            </span>
            {entry.comment.trim() !== '' && <p className="eval-note">{noteText(entry.comment)}</p>}
          </li>
        ))}
      </ol>
    </section>
  )
}
