import { useTranslation } from 'react-i18next'

import type { PracticeSessionSummary } from '@shared/practice/progress-api'
import { formatPercent } from '../../evaluation-figures'
import { formatDateTime, scenarioTitle } from '../progress-labels'

/**
 * Practice sessions, newest first: when, which scenario, solo or role-play, the score and the
 * verdict in words. With `onOpen`, each opens its report.
 */
export function SessionsTable({
  sessions,
  selectedId = null,
  onOpen
}: {
  sessions: readonly PracticeSessionSummary[]
  selectedId?: string | null
  onOpen?: (sessionId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  return (
    <table className="analytics-table progress-sessions">
      <caption className="visually-hidden">{t('trainingProgress.sessions.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('trainingProgress.sessions.date')}</th>
          <th scope="col">{t('trainingProgress.sessions.scenario')}</th>
          <th scope="col">{t('trainingProgress.sessions.mode')}</th>
          <th scope="col" className="numeric">
            {t('trainingProgress.sessions.score')}
          </th>
          <th scope="col">{t('trainingProgress.sessions.result')}</th>
          {onOpen && (
            <th scope="col">
              <span className="visually-hidden">{t('trainingProgress.sessions.open')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => {
          const date = formatDateTime(s.endedAt, lang)
          const scenario = scenarioTitle(s.scenarioTitle, lang)
          const selected = s.id === selectedId
          return (
            <tr key={s.id} className={selected ? 'selected' : undefined}>
              <th scope="row">{date}</th>
              <td>{scenario}</td>
              <td>{t(`trainingProgress.sessions.modes.${s.mode}`)}</td>
              <td className="numeric">{formatPercent(s.percent, lang)}</td>
              <td>
                <span className={`badge ${s.passed ? 'ok' : 'warn'}`}>
                  {t(`trainingProgress.sessions.${s.passed ? 'passed' : 'failed'}`)}
                </span>
                {s.criticalFailures > 0 && (
                  <span className="muted">
                    {t('trainingProgress.sessions.critical', { count: s.criticalFailures })}
                  </span>
                )}
              </td>
              {onOpen && (
                <td>
                  <button
                    type="button"
                    aria-pressed={selected}
                    aria-label={t('trainingProgress.sessions.openLabel', { scenario, date })}
                    onClick={() => {
                      onOpen(s.id)
                    }}
                  >
                    {t('trainingProgress.sessions.open')}
                  </button>
                </td>
              )}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
