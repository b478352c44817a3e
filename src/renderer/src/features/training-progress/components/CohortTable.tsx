import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { CohortProgress } from '@shared/practice/progress-api'
import { formatPercent } from '../../evaluation-figures'

/**
 * One row per trainee of the cohort: how much they practise and how well, and how many
 * scenarios they are certified on. The name opens the trainee's own progress.
 */
export function CohortTable({
  progress,
  selectedTraineeId,
  onOpen
}: {
  progress: CohortProgress
  selectedTraineeId: string | null
  onOpen: (traineeId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const cohortName = sanitizeDisplayText(progress.cohort.name, 80)
  if (progress.rows.length === 0) {
    return <p className="progress-empty">{t('trainingProgress.table.empty')}</p>
  }
  return (
    <table className="analytics-table progress-cohort-table">
      <caption className="visually-hidden">
        {t('trainingProgress.table.caption', { name: cohortName })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('trainingProgress.table.trainee')}</th>
          <th scope="col">{t('trainingProgress.table.team')}</th>
          <th scope="col" className="numeric">
            {t('trainingProgress.table.sessions')}
          </th>
          <th scope="col" className="numeric">
            {t('trainingProgress.table.last')}
          </th>
          <th scope="col" className="numeric">
            {t('trainingProgress.table.average')}
          </th>
          <th scope="col" className="numeric">
            {t('trainingProgress.table.certified')}
          </th>
        </tr>
      </thead>
      <tbody>
        {progress.rows.map((row) => {
          const name = sanitizeDisplayText(row.trainee.displayName, 80)
          const selected = row.trainee.id === selectedTraineeId
          return (
            <tr key={row.trainee.id} className={selected ? 'selected' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={selected}
                  aria-label={t('trainingProgress.table.open', { name })}
                  onClick={() => {
                    onOpen(row.trainee.id)
                  }}
                >
                  {name}
                </button>
              </th>
              <td>
                {row.trainee.team === null
                  ? t('trainingProgress.table.noTeam')
                  : sanitizeDisplayText(row.trainee.team, 80)}
              </td>
              <td className="numeric">{row.sessions}</td>
              <td className="numeric">{formatPercent(row.lastPercent, lang)}</td>
              <td className="numeric">{formatPercent(row.averagePercent, lang)}</td>
              <td className="numeric">
                {t('trainingProgress.table.certifiedOf', {
                  count: row.certified,
                  total: progress.scenarios.length
                })}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
