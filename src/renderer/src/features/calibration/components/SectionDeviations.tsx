import { useTranslation } from 'react-i18next'

import type { Evaluation } from '@shared/evaluations/evaluation'
import type { FormDefinition } from '@shared/evaluations/form-schema'
import { pickText } from '@shared/scripts/localized-text'
import { formatPercent, formatPoints } from '../../evaluation-figures'
import type { ComparedRow } from '../calibration-view'
import { nameOf } from '../evaluator-name'

/** A section's difference this large (in points) is marked: the evaluators read it differently. */
export const WIDE_DEVIATION = 10

/** Per section: the reference's percentage, then each compared evaluator's with its deviation. */
export function SectionDeviations({
  form,
  reference,
  rows
}: {
  form: FormDefinition
  reference: Evaluation
  rows: readonly ComparedRow<Evaluation>[]
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const language = lang.startsWith('en') ? 'en' : 'es'
  const compared = rows.flatMap((r) => (r.status === 'compared' ? [r] : []))
  if (compared.length === 0) return null
  // A section of free notes only scores nothing: no row.
  const scored = form.sections.filter((s) => s.questions.some((q) => q.kind !== 'text'))
  const percentOf = (e: Evaluation, sectionId: string) =>
    e.score.sections.find((s) => s.sectionId === sectionId)?.percent ?? null
  return (
    <table className="analytics-table calibration-sections">
      <caption>{t('calibration.sections.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('calibration.sections.section')}</th>
          <th scope="col" className="numeric">
            {t('calibration.sections.reference', { name: nameOf(reference) })}
          </th>
          {compared.map((r) => (
            <th key={r.evaluation.id} scope="col" className="numeric">
              {nameOf(r.evaluation)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {scored.map((section) => (
          <tr key={section.id}>
            <th scope="row">{pickText(section.title, language)}</th>
            <td className="numeric">{formatPercent(percentOf(reference, section.id), lang)}</td>
            {compared.map((r) => {
              const delta = r.deviation.sections.find((s) => s.sectionId === section.id)?.delta
              const wide =
                delta !== undefined && delta !== null && Math.abs(delta) >= WIDE_DEVIATION
              // Agreement is quiet, so the eye goes to the sections where the evaluators differ.
              const same = delta === 0
              return (
                <td
                  key={r.evaluation.id}
                  className={`numeric${wide ? ' calibration-wide' : ''}${same ? ' muted' : ''}`}
                >
                  {formatPercent(percentOf(r.evaluation, section.id), lang)}
                  {delta !== undefined && delta !== null && delta !== 0 && (
                    <span className="calibration-delta">
                      {' '}
                      {t('calibration.summary.points', { value: formatPoints(delta, lang) })}
                    </span>
                  )}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
