/**
 * The call's script run as the evaluator checks adherence: the script and version, how it ended,
 * the path with the time spent on each step, each mandatory line confirmed (✓) or not (✗), the
 * answers given, and the offers with the customer's answer.
 */
import { Check, X } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import type { AdherenceFacts } from '@shared/evaluations/adherence'
import { elapsed } from '@renderer/ui/elapsed'

import { abandonReasonText } from '../abandon-reason'
import { nameText } from '../score-text'

const time = (s: number) => elapsed(0, s * 1000)

export function ScriptRunFacts({ run }: { run: AdherenceFacts }) {
  const { t } = useTranslation()
  const mandatory = run.steps.filter((s) => s.mandatory)
  return (
    <div className="eval-run">
      <p className="eval-run-title">
        <strong>{nameText(run.scriptTitle, 120)}</strong>{' '}
        <span className="muted">
          {t('evaluations.run.version', { version: run.scriptVersion })} · {time(run.seconds)}
        </span>
      </p>
      <p>
        {run.status === 'closed' ? (
          <span className="badge ok">{t('evaluations.run.closed')}</span>
        ) : (
          <span className="badge warn">{t('evaluations.run.abandoned')}</span>
        )}
        {run.status === 'closed' && run.outcome !== null && (
          <span> {nameText(run.outcome, 80)}</span>
        )}
        {run.status === 'abandoned' && run.abandonReason !== null && (
          <span> {nameText(abandonReasonText(run.abandonReason, t), 200)}</span>
        )}
      </p>
      {mandatory.length > 0 && (
        <p className={run.missedMandatory.length > 0 ? 'eval-run-missed' : 'eval-run-all'}>
          {run.missedMandatory.length === 0
            ? t('evaluations.run.allMandatory', { count: mandatory.length })
            : t('evaluations.run.missedMandatory', {
                missed: run.missedMandatory.length,
                count: mandatory.length
              })}
        </p>
      )}
      <ol className="eval-run-path" aria-label={t('evaluations.run.path')}>
        {run.steps.map((step, index) => (
          <li key={`${step.nodeId}-${String(index)}`}>
            <span className="eval-run-step">{nameText(step.title, 120)}</span>
            <span className="eval-run-time">{time(step.seconds)}</span>
            {step.mandatory && (
              <span className={`eval-run-mandatory ${step.confirmed ? 'ok' : 'missed'}`}>
                {step.confirmed ? (
                  <Check size={12} aria-hidden="true" />
                ) : (
                  <X size={12} aria-hidden="true" />
                )}
                {step.confirmed
                  ? t('evaluations.run.confirmed')
                  : t('evaluations.run.notConfirmed')}
              </span>
            )}
            {step.answer !== null && step.offered === null && (
              <span className="eval-run-answer">
                {t('evaluations.run.answer', { answer: nameText(step.answer, 120) })}
              </span>
            )}
          </li>
        ))}
      </ol>
      {run.offers.length > 0 && (
        <>
          <p className="eval-run-subhead">{t('evaluations.run.offers')}</p>
          <ul className="eval-run-offers">
            {run.offers.map((offer, index) => (
              <li key={`${offer.nodeId}-${String(index)}`}>
                <span>{nameText(offer.productCode, 60)}</span>{' '}
                <span
                  className={`badge ${offer.answer === null ? 'pending' : offer.answer === 'accepted' ? 'ok' : ''}`}
                >
                  {t(`evaluations.run.offer.${offer.answer ?? 'notMade'}`)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
