import { RefreshCw } from 'lucide-react'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

import type { TraineeProgress } from '@shared/practice/progress-api'
import { titlesOf, type ProgressLabels } from '../progress-labels'
import { trainingApi as defaultApi, type TrainingApi } from '../training-api'
import { useProgressLabels } from '../use-progress-labels'
import { useTrainingLoad } from '../use-training-load'
import { RoleplayFeedbackList } from './RoleplayFeedbackList'
import { CertificationList } from './CertificationList'
import { LoadNotice } from './LoadNotice'
import { SessionsTable } from './SessionsTable'
import { WeakestTable } from './WeakestTable'
import '../training-progress.css'

/** How many sessions "recent" shows: the trainee's last stretch of practice, not the archive. */
const RECENT = 10

/** The trainee's own progress as figures (the panel reads it; tests render this). */
export function MyPracticeView({
  progress,
  labels
}: {
  progress: TraineeProgress
  labels: ProgressLabels
}) {
  const { t, i18n } = useTranslation()
  return (
    <>
      <CertificationList
        certifications={progress.certifications}
        heading={t('trainingProgress.certifications.heading')}
        headingId="my-practice-certifications"
      />
      <section className="progress-block" aria-labelledby="my-practice-sessions">
        <h3 id="my-practice-sessions">{t('trainingProgress.sessions.recent')}</h3>
        {progress.sessions.length === 0 ? (
          <p className="progress-empty">{t('trainingProgress.sessions.none')}</p>
        ) : (
          <SessionsTable sessions={progress.sessions.slice(0, RECENT)} />
        )}
      </section>
      <RoleplayFeedbackList feedback={progress.feedback} />
      <WeakestTable
        items={progress.weakest}
        heading={t('trainingProgress.weakest.mineHeading')}
        headingId="my-practice-weakest"
        labels={labels}
        scenarioTitles={titlesOf([...progress.certifications, ...progress.sessions], i18n.language)}
        showTrainees={false}
      />
    </>
  )
}

/**
 * "Mis prácticas", under the agent's evaluations: certification per scenario (certified, or
 * how many of the passes needed on the current version, with the best score), the recent
 * sessions and the steps missed most, from the server. Read once when shown.
 */
export function MyPracticePanel({ api = defaultApi }: { api?: TrainingApi }) {
  const { t } = useTranslation()
  const labels = useProgressLabels()
  const read = useCallback(() => api.myProgress(), [api])
  const [load, reload] = useTrainingLoad('me', read)
  return (
    <section className="panel my-practice" aria-labelledby="my-practice-heading">
      <div className="progress-head">
        <h2 id="my-practice-heading">{t('trainingProgress.mine.heading')}</h2>
        <button type="button" onClick={reload}>
          <RefreshCw size={14} aria-hidden="true" />
          {t('trainingProgress.refresh')}
        </button>
      </div>
      <p className="muted">{t('trainingProgress.mine.hint')}</p>
      {load.state === 'ready' ? (
        <MyPracticeView progress={load.value} labels={labels} />
      ) : load.state === 'idle' ? null : (
        <LoadNotice load={load} onRetry={reload} />
      )}
    </section>
  )
}
