import { RotateCcw } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { ComplaintCategoryConfig, DispositionCode } from '@shared/domain/configuration'
import type { Script } from '@shared/scripts/schema'
import { useAppStore } from '@renderer/stores/app-store'
import { useComplaintCategories } from '../../complaints'
import { scriptCatalog } from '../../scripts'
import { useSoftphone } from '../../softphone'
import { useDispositionCodes } from '../../wrap-up'
import { endPracticePause } from '../practice-scoring'
import { startScenarioPractice } from '../practice-start'
import { localized } from '../scenario-load'
import type { FinishedPractice } from '../store'
import { itemKind, itemSubject, valueLabel, type ReportLabelContext } from '../report-labels'
import { ReportItemsTable } from './ReportItemsTable'

/**
 * The score of the practice call that just ended, on the desk where the trainee worked it: the
 * percent against the pass mark, what failed critically, then item by item in the order of the
 * call. It stays until closed (or another practice starts); closing ends the practice pause.
 */
export function PracticeReportPanel() {
  const finished = useAppStore((s) => s.practice.finished)
  const scoreError = useAppStore((s) => s.practice.scoreError)
  const catalogVersion = useAppStore((s) => s.scriptRun.catalogVersion)
  const categories = useComplaintCategories()
  const dispositions = useDispositionCodes()
  const { calls } = useSoftphone()
  const close = () => {
    useAppStore.getState().practiceReportClosed()
    endPracticePause()
  }
  if (scoreError !== null) {
    return <PracticeScoreFailed message={scoreError} onClose={close} />
  }
  if (!finished) return null
  const script = scriptCatalog().scripts.get(finished.practice.scenario.script.id) ?? null
  return (
    <PracticeReportView
      key={`${finished.callId}-${String(catalogVersion)}`}
      finished={finished}
      script={script}
      categories={categories}
      dispositions={dispositions}
      onClose={close}
      onAgain={() => {
        const { scenarioId, scenarioVersion } = finished.practice
        void startScenarioPractice(calls, { scenarioId, version: scenarioVersion })
      }}
    />
  )
}

function PracticeScoreFailed({ message, onClose }: { message: string; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <section className="panel practice-report" aria-labelledby="practice-report-heading">
      <h2 id="practice-report-heading">{t('practiceReport.heading')}</h2>
      <p role="alert">{message}</p>
      <button type="button" onClick={onClose}>
        {t('practiceReport.close')}
      </button>
    </section>
  )
}

type PracticeReportViewProps = {
  finished: FinishedPractice
  script: Script | null
  categories: readonly ComplaintCategoryConfig[]
  dispositions: readonly DispositionCode[]
  onClose: () => void
  onAgain: () => void
  /** Focus the heading on mount (the desk does; a static render in tests has no focus). */
  focusOnMount?: boolean
}

/** The report itself, from the finished practice (tests render it directly). */
export function PracticeReportView({
  finished,
  script,
  categories,
  dispositions,
  onClose,
  onAgain,
  focusOnMount = true
}: PracticeReportViewProps) {
  const { t, i18n } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    // The wrap-up form just left: the trainee lands on the result, not on the page's top.
    if (focusOnMount) heading.current?.focus()
  }, [focusOnMount])
  const { report, practice } = finished
  const context: ReportLabelContext = {
    t,
    language: i18n.language,
    scenario: practice.scenario,
    script,
    categories,
    dispositions,
    grant: finished.facts.compensation
  }
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 })
  const title = sanitizeDisplayText(localized(practice.scenario.title, i18n.language), 200)
  const verdict = report.passed ? 'passed' : 'failed'
  // Time is a coaching note, never a mark: it has its own table, folded.
  const scored = report.items.filter((i) => i.kind !== 'time')
  const timed = report.items.filter((i) => i.kind === 'time')
  return (
    <section className="panel practice-report" aria-labelledby="practice-report-heading">
      <h2 id="practice-report-heading" ref={heading} tabIndex={-1}>
        {t('practiceReport.heading')}
      </h2>
      <p className="muted">{title}</p>
      <p className={`practice-verdict ${verdict}`} role="status">
        <strong>{t('practiceReport.percent', { percent: percent.format(report.percent) })}</strong>{' '}
        <span className={`badge ${report.passed ? 'ok' : 'warn'}`}>
          {t(`practiceReport.verdict.${verdict}`)}
        </span>{' '}
        <span className="muted">
          {t('practiceReport.threshold', {
            threshold: percent.format(report.threshold),
            points: report.points,
            possible: report.possible
          })}
        </span>
      </p>
      {report.criticalFailures.length > 0 && (
        <div className="practice-critical">
          <h3>{t('practiceReport.critical')}</h3>
          <ul>
            {report.criticalFailures.map((item, i) => (
              <li key={`${item.kind}-${String(i)}`}>
                {t('practiceReport.criticalItem', {
                  what:
                    item.nodeId === null || item.kind === 'offer'
                      ? itemKind(context, item)
                      : t('practiceReport.stepOfKind', {
                          kind: itemKind(context, item),
                          step: itemSubject(context, item)
                        }),
                  actual: valueLabel(context, item, 'actual'),
                  expected: valueLabel(context, item, 'expected')
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ReportItemsTable items={scored} context={context} />
      {timed.length > 0 && (
        <details className="practice-times">
          <summary>
            {t('practiceReport.time.heading')}{' '}
            <span className="muted">{t('practiceReport.time.note')}</span>
          </summary>
          <table className="analytics-table">
            <caption className="visually-hidden">{t('practiceReport.time.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('practiceReport.column.step')}</th>
                <th scope="col">{t('practiceReport.time.target')}</th>
                <th scope="col">{t('practiceReport.time.spent')}</th>
              </tr>
            </thead>
            <tbody>
              {timed.map((item, i) => (
                <tr key={`${item.nodeId ?? ''}-${String(i)}`}>
                  <th scope="row">{itemSubject(context, item)}</th>
                  <td>{valueLabel(context, item, 'expected')}</td>
                  <td>
                    {valueLabel(context, item, 'actual')}
                    {item.actual !== null && !item.passed && (
                      <span className="muted"> · {t('practiceReport.overTarget')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <div className="practice-report-actions">
        <button type="button" onClick={onAgain}>
          <RotateCcw size={14} aria-hidden="true" />
          {t('practiceReport.again')}
        </button>
        <button type="button" onClick={onClose}>
          {t('practiceReport.close')}
        </button>
      </div>
    </section>
  )
}
