import { useTranslation } from 'react-i18next'

import type { WeakItem } from '@shared/practice/progress-api'
import { weakItemLabel, type ProgressLabels } from '../progress-labels'

/**
 * The points missed most (the server sorts and limits them), each as the step in the script's
 * words and the kind of point the practice report names, with how often it was missed. The
 * trainee count is for a cohort; one trainee's own list leaves it out.
 */
export function WeakestTable({
  items,
  heading,
  headingId,
  labels,
  scenarioTitles,
  showTrainees
}: {
  items: readonly WeakItem[]
  heading: string
  headingId: string
  labels: ProgressLabels
  /** Scenario titles by id, already in the reader's language. */
  scenarioTitles: ReadonlyMap<string, string>
  showTrainees: boolean
}) {
  const { t, i18n } = useTranslation()
  const context = { t, language: i18n.language, ...labels }
  return (
    <section className="progress-block" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('trainingProgress.weakest.none')}</p>
      ) : (
        <table className="analytics-table progress-weakest">
          <caption className="visually-hidden">{t('trainingProgress.weakest.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trainingProgress.weakest.point')}</th>
              <th scope="col">{t('trainingProgress.weakest.kind')}</th>
              <th scope="col">{t('trainingProgress.weakest.scenario')}</th>
              <th scope="col" className="numeric">
                {t('trainingProgress.weakest.misses')}
              </th>
              {showTrainees && (
                <th scope="col" className="numeric">
                  {t('trainingProgress.weakest.trainees')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const label = weakItemLabel(context, item)
              return (
                <tr key={`${item.scenarioId}-${item.kind}-${item.nodeId ?? ''}`}>
                  <th scope="row">{label.subject}</th>
                  <td>{label.kind}</td>
                  <td>{scenarioTitles.get(item.scenarioId) ?? t('trainingProgress.none')}</td>
                  <td className="numeric">
                    {t('trainingProgress.weakest.missesOf', {
                      misses: item.misses,
                      attempts: item.attempts
                    })}
                  </td>
                  {showTrainees && <td className="numeric">{item.trainees}</td>}
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
