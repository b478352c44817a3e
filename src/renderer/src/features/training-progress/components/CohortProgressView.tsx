import { useTranslation } from 'react-i18next'

import type { CohortProgress } from '@shared/practice/progress-api'
import { titlesOf, type ProgressLabels } from '../progress-labels'
import { CertificationGrid } from './CertificationGrid'
import { CohortTable } from './CohortTable'
import { WeakestTable } from './WeakestTable'

/** A cohort at a glance: its trainees, who is certified where, and where most of them fail. */
export function CohortProgressView({
  progress,
  labels,
  selectedTraineeId,
  onOpenTrainee
}: {
  progress: CohortProgress
  labels: ProgressLabels
  selectedTraineeId: string | null
  onOpenTrainee: (traineeId: string) => void
}) {
  const { t, i18n } = useTranslation()
  return (
    <>
      <section className="progress-block" aria-labelledby="progress-cohort-table-heading">
        <h3 id="progress-cohort-table-heading">{t('trainingProgress.table.heading')}</h3>
        <CohortTable
          progress={progress}
          selectedTraineeId={selectedTraineeId}
          onOpen={onOpenTrainee}
        />
      </section>
      {progress.rows.length > 0 && <CertificationGrid progress={progress} />}
      <WeakestTable
        items={progress.weakest}
        heading={t('trainingProgress.weakest.heading')}
        headingId="progress-cohort-weakest"
        labels={labels}
        scenarioTitles={titlesOf(
          [...progress.scenarios, ...progress.certifications],
          i18n.language
        )}
        showTrainees
      />
    </>
  )
}
