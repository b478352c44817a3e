import { X } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { PracticeSessionDetail } from '@shared/practice/progress-api'
import type { Scenario } from '@shared/practice/scenario-schema'
import { dataClient } from '@renderer/data/data-client'
import { formatPercent } from '../../evaluation-figures'
import { loadScenario, ReportItemsTable, type ReportLabelContext } from '../../practice-scenarios'
import { formatDateTime, scenarioTitle, type ProgressLabels } from '../progress-labels'
import type { TrainingApi } from '../training-api'
import { useTrainingLoad } from '../use-training-load'
import { useFocusOnMount } from '../use-focus-on-mount'
import { LoadNotice } from './LoadNotice'

/**
 * A stored session's report, as the trainee saw it on the desk: verdict, then each scored item
 * in the practice report's own words. Time is left out (a coaching note, never a mark).
 */
export function SessionReportView({
  session,
  scenario,
  labels,
  onClose
}: {
  session: PracticeSessionDetail
  /** The scenario played, when it could be read: only compensation amounts need it. */
  scenario: Pick<Scenario, 'expectations'> | null
  labels: ProgressLabels
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const heading = useFocusOnMount<HTMLHeadingElement>()
  const lang = i18n.language
  const { report } = session
  const context: ReportLabelContext = {
    t,
    language: lang,
    scenario,
    script: labels.scripts(session.scriptId),
    categories: labels.categories,
    dispositions: labels.dispositions,
    grant: null
  }
  return (
    <section className="progress-session" aria-labelledby="progress-session-heading">
      <div className="progress-head">
        <h3 id="progress-session-heading" ref={heading} tabIndex={-1}>
          {t('trainingProgress.session.heading')}
        </h3>
        <button type="button" onClick={onClose}>
          <X size={14} aria-hidden="true" />
          {t('trainingProgress.session.close')}
        </button>
      </div>
      <p className="muted">
        {t('trainingProgress.session.line', {
          scenario: scenarioTitle(session.scenarioTitle, lang),
          date: formatDateTime(session.endedAt, lang),
          mode: t(`trainingProgress.sessions.modes.${session.mode}`)
        })}
      </p>
      <p className="practice-verdict">
        <strong>{formatPercent(report.percent, lang)}</strong>{' '}
        <span className={`badge ${report.passed ? 'ok' : 'warn'}`}>
          {t(`trainingProgress.sessions.${report.passed ? 'passed' : 'failed'}`)}
        </span>{' '}
        <span className="muted">
          {t('practiceReport.threshold', {
            threshold: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(
              report.threshold
            ),
            points: report.points,
            possible: report.possible
          })}
        </span>
      </p>
      <ReportItemsTable
        items={report.items.filter((i) => i.kind !== 'time')}
        context={context}
        actualHeading={t('trainingProgress.session.actual')}
      />
    </section>
  )
}

/** Reads the session, and its scenario through the data worker for the amounts' currency. */
export function SessionReport({
  api,
  sessionId,
  labels,
  onClose
}: {
  api: TrainingApi
  sessionId: string
  labels: ProgressLabels
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [load] = useTrainingLoad(sessionId, api.session)
  const [scenario, setScenario] = useState<{ key: string; scenario: Scenario } | null>(null)
  const played = load.state === 'ready' ? load.value : null
  const scenarioKey = played ? `${played.scenarioId}@${String(played.scenarioVersion)}` : null
  useEffect(() => {
    if (!played || scenarioKey === null) return
    let current = true
    void loadScenario(dataClient(), played.scenarioId, played.scenarioVersion).then((loaded) => {
      if (current && loaded.state === 'ready') {
        setScenario({ key: scenarioKey, scenario: loaded.value.scenario })
      }
    })
    return () => {
      current = false
    }
  }, [played, scenarioKey])
  if (load.state === 'idle') return null
  if (load.state !== 'ready') {
    return <LoadNotice load={load} loading={t('trainingProgress.session.loading')} />
  }
  return (
    <SessionReportView
      session={load.value}
      scenario={scenario?.key === scenarioKey ? scenario.scenario : null}
      labels={labels}
      onClose={onClose}
    />
  )
}
