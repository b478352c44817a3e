import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { certificationRule, type CohortProgress } from '@shared/practice/progress-api'
import { certificationMark, scenarioTitle } from '../progress-labels'
import { CertificationCell } from './CertificationCell'

/** Trainees down, scenarios across: who is certified where, and how close the rest are. */
export function CertificationGrid({ progress }: { progress: CohortProgress }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const byCell = new Map(
    progress.certifications.map((c) => [`${c.traineeId}\n${c.scenarioId}`, c] as const)
  )
  return (
    <section className="progress-block" aria-labelledby="progress-grid-heading">
      <h3 id="progress-grid-heading">{t('trainingProgress.grid.heading')}</h3>
      <p className="muted progress-rule">
        {t('trainingProgress.grid.rule', {
          passes: certificationRule.passes,
          percent: certificationMark(lang)
        })}
      </p>
      {progress.scenarios.length === 0 ? (
        <p className="muted">{t('trainingProgress.grid.noScenarios')}</p>
      ) : (
        <div className="progress-grid-scroll">
          <table className="analytics-table progress-grid">
            <caption className="visually-hidden">{t('trainingProgress.grid.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trainingProgress.table.trainee')}</th>
                {progress.scenarios.map((s) => (
                  <th key={s.scenarioId} scope="col">
                    {scenarioTitle(s.title, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {progress.rows.map((row) => (
                <tr key={row.trainee.id}>
                  <th scope="row">{sanitizeDisplayText(row.trainee.displayName, 80)}</th>
                  {progress.scenarios.map((s) => (
                    <td key={s.scenarioId}>
                      <CertificationCell
                        certification={byCell.get(`${row.trainee.id}\n${s.scenarioId}`)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
