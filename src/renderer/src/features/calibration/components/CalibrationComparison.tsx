import { EyeOff } from 'lucide-react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { Evaluation } from '@shared/evaluations/evaluation'
import type { FormDefinition } from '@shared/evaluations/form-schema'
import { pickText } from '@shared/scripts/localized-text'
import { dateTimeFormat } from '@renderer/i18n/formatters'
import { formatPercent, formatPoints } from '../../evaluation-figures'
import {
  compareCall,
  type CalibrationCall,
  type ComparedRow,
  type Viewer
} from '../calibration-view'
import { nameOf } from '../evaluator-name'
import { DifferentAnswers } from './DifferentAnswers'
import { SectionDeviations } from './SectionDeviations'

/** One evaluator's line: score, deviation, critical, answers that differ, or why none shows. */
function SummaryRow({
  row,
  isReference,
  lang
}: {
  row: ComparedRow<Evaluation>
  isReference: boolean
  lang: string
}) {
  const { t } = useTranslation()
  const e = row.evaluation
  const shown = row.status !== 'hidden' && row.status !== 'draft'
  const score = e.score
  const critical = score.criticalFailed
    ? t('calibration.summary.criticalFailed')
    : score.passed
      ? t('calibration.summary.passed')
      : t('calibration.summary.notPassed')
  const deviation = row.status === 'compared' ? row.deviation : null
  const wide = deviation !== null && Math.abs(deviation.percentDelta ?? 0) >= 10
  return (
    <tr className={isReference ? 'calibration-reference' : undefined}>
      <th scope="row" title={sanitizeDisplayText(e.evaluatorName, 200)}>
        {nameOf(e)}
        {isReference && <span className="badge">{t('calibration.summary.reference')}</span>}
      </th>
      <td>
        {t(`calibration.states.${e.state}`)}
        {/* "Enviada (calibración)" says it already; a calibration draft says it here. */}
        {e.calibration && e.state !== 'submitted' && (
          <span className="muted"> · {t('calibration.summary.calibration')}</span>
        )}
      </td>
      {shown ? (
        <>
          <td className="numeric">{formatPercent(score.percent, lang)}</td>
          <td className={score.criticalFailed ? 'calibration-critical' : undefined}>{critical}</td>
        </>
      ) : (
        <td colSpan={2} className="muted">
          <EyeOff size={12} aria-hidden="true" />{' '}
          {row.status === 'draft'
            ? t('calibration.summary.draft')
            : t('calibration.summary.hidden')}
        </td>
      )}
      <td className={wide ? 'numeric calibration-wide' : 'numeric'}>
        {deviation !== null
          ? t('calibration.summary.points', { value: formatPoints(deviation.percentDelta, lang) })
          : row.status === 'reference'
            ? '—'
            : ''}
      </td>
      <td>
        {deviation !== null &&
          (deviation.criticalDiffers ? (
            <mark className="calibration-differs">{t('calibration.summary.criticalDiffers')}</mark>
          ) : (
            t('calibration.summary.criticalSame')
          ))}
        {row.status === 'other_version' &&
          t('calibration.summary.otherVersion', {
            form: sanitizeDisplayText(e.formId, 64),
            version: e.formVersion
          })}
        {row.status === 'no_form' && t('calibration.summary.noForm')}
        {row.status === 'own' && t('calibration.summary.own')}
      </td>
      <td className="numeric">{deviation !== null ? deviation.differentAnswers.length : ''}</td>
    </tr>
  )
}

/**
 * One call's evaluations side by side with the reference: each evaluator's score, the deviation
 * in points overall and per section, whether the critical verdict differs, and the questions
 * answered differently. Rendered from props (the unit tests render this one).
 */
export function CalibrationComparison({
  call,
  form,
  referenceId,
  onReference,
  viewer,
  formPending = false
}: {
  call: CalibrationCall<Evaluation>
  form: FormDefinition | null
  referenceId: string | null
  onReference: (id: string) => void
  viewer: Viewer
  /** The reference's form version is still being read from this desk's store. */
  formPending?: boolean
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const language = lang.startsWith('en') ? 'en' : 'es'
  const selectId = useId()
  const comparison = compareCall(form, call.evaluations, referenceId, viewer)
  const reference = comparison.reference
  const when = dateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })
  const first = call.evaluations[0]
  const formName = form ? pickText(form.title, language) : (reference?.formId ?? '')
  return (
    <section className="calibration-call" aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`}>
        {t('calibration.call.title', { agent: sanitizeDisplayText(call.agentName, 60) })}
      </h3>
      <p className="muted calibration-facts">
        {first &&
          t('calibration.call.firstScored', { when: when.format(new Date(first.createdAt)) })}
        {reference &&
          ` · ${t('calibration.call.form', {
            form: sanitizeDisplayText(formName, 80),
            version: reference.formVersion
          })}`}
      </p>
      <label className="calibration-reference-pick" htmlFor={selectId}>
        {t('calibration.reference.label')}
      </label>
      <select
        id={selectId}
        value={referenceId ?? ''}
        onChange={(e) => {
          onReference(e.target.value)
        }}
      >
        {call.evaluations.map((e) => (
          <option key={e.id} value={e.id}>
            {e.calibration
              ? t('calibration.reference.optionCalibration', { name: nameOf(e) })
              : t('calibration.reference.optionOriginal', { name: nameOf(e) })}
          </option>
        ))}
      </select>
      {comparison.blind !== null && (
        <p className="calibration-blind" role="note">
          <EyeOff size={14} aria-hidden="true" /> {t(`calibration.blind.${comparison.blind}`)}
        </p>
      )}
      <table className="analytics-table calibration-summary">
        <caption>{t('calibration.summary.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calibration.summary.evaluator')}</th>
            <th scope="col">{t('calibration.summary.state')}</th>
            <th scope="col" className="numeric">
              {t('calibration.summary.score')}
            </th>
            <th scope="col">{t('calibration.summary.verdict')}</th>
            <th scope="col" className="numeric">
              {t('calibration.summary.deviation')}
            </th>
            <th scope="col">{t('calibration.summary.critical')}</th>
            <th scope="col" className="numeric">
              {t('calibration.summary.differentAnswers')}
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => (
            <SummaryRow
              key={row.evaluation.id}
              row={row}
              isReference={row.evaluation.id === reference?.id}
              lang={lang}
            />
          ))}
        </tbody>
      </table>
      {form !== null && reference !== null && comparison.blind === null && (
        <>
          <SectionDeviations form={form} reference={reference} rows={comparison.rows} />
          <DifferentAnswers
            form={form}
            reference={reference}
            rows={comparison.rows}
            questionIds={comparison.differentQuestions}
          />
        </>
      )}
      {form === null && reference !== null && !formPending && (
        <p className="muted">{t('calibration.call.formMissing')}</p>
      )}
    </section>
  )
}
