import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { Cohort } from '@shared/practice/progress-api'

/**
 * The cohorts to choose from, one pressed. Someone else's (an admin sees every trainer's) says
 * whose it is.
 */
export function CohortList({
  cohorts,
  selectedId,
  myId,
  onSelect
}: {
  cohorts: readonly Cohort[]
  selectedId: string | null
  myId: string | null
  onSelect: (cohortId: string) => void
}) {
  const { t } = useTranslation()
  return (
    <ul className="progress-cohorts" aria-label={t('trainingProgress.cohorts.listLabel')}>
      {cohorts.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            aria-pressed={c.id === selectedId}
            onClick={() => {
              onSelect(c.id)
            }}
          >
            <span className="progress-cohort-name">{sanitizeDisplayText(c.name, 80)}</span>
            <span className="muted">
              {t('trainingProgress.cohorts.members', { count: c.trainees.length })}
              {c.trainerId !== myId &&
                ` · ${t('trainingProgress.cohorts.trainer', {
                  name: sanitizeDisplayText(c.trainerName, 80)
                })}`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
