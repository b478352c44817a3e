import { ArrowLeft } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { TraineeProgress } from '@shared/practice/progress-api'
import { useElementWidth } from '../../evaluation-figures'
import { titlesOf, type ProgressLabels } from '../progress-labels'
import { useFocusOnMount } from '../use-focus-on-mount'
import { CertificationList } from './CertificationList'
import { ScoreChart } from './ScoreChart'
import { SessionsTable } from './SessionsTable'
import { WeakestTable } from './WeakestTable'

/**
 * One trainee as their trainer reads them: scores over time, every session (one opens its
 * report, shown by the caller in `report`), the steps they miss most, certification per scenario.
 */
export function TraineeProgressView({
  progress,
  labels,
  selectedSessionId,
  onOpenSession,
  onBack,
  report,
  actions
}: {
  progress: TraineeProgress
  labels: ProgressLabels
  selectedSessionId: string | null
  onOpenSession: (sessionId: string) => void
  onBack: () => void
  report?: ReactNode
  /** What the trainer can do with this trainee besides reading (a role-play call). */
  actions?: ReactNode
}) {
  const { t, i18n } = useTranslation()
  const heading = useFocusOnMount<HTMLHeadingElement>()
  const [chartBox, width] = useElementWidth<HTMLDivElement>(520)
  const name = sanitizeDisplayText(progress.trainee.displayName, 80)
  const titles = titlesOf([...progress.certifications, ...progress.sessions], i18n.language)
  return (
    <section className="progress-trainee" aria-labelledby="progress-trainee-heading">
      <div className="progress-head">
        <h3 id="progress-trainee-heading" ref={heading} tabIndex={-1}>
          {t('trainingProgress.trainee.heading', { name })}
        </h3>
        <button type="button" onClick={onBack}>
          <ArrowLeft size={14} aria-hidden="true" />
          {t('trainingProgress.trainee.back')}
        </button>
      </div>
      {actions}
      {progress.sessions.length === 0 ? (
        <p className="progress-empty">{t('trainingProgress.sessions.none')}</p>
      ) : (
        <>
          <div ref={chartBox} className="progress-chart">
            <ScoreChart sessions={progress.sessions} width={width} />
          </div>
          <section className="progress-block" aria-labelledby="progress-sessions-heading">
            <h4 id="progress-sessions-heading">{t('trainingProgress.sessions.heading')}</h4>
            <SessionsTable
              sessions={progress.sessions}
              selectedId={selectedSessionId}
              onOpen={onOpenSession}
            />
          </section>
          {report}
        </>
      )}
      <WeakestTable
        items={progress.weakest}
        heading={t('trainingProgress.weakest.traineeHeading')}
        headingId="progress-trainee-weakest"
        labels={labels}
        scenarioTitles={titles}
        showTrainees={false}
      />
      <CertificationList
        certifications={progress.certifications}
        heading={t('trainingProgress.certifications.heading')}
        headingId="progress-trainee-certifications"
      />
    </section>
  )
}
