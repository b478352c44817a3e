import { useTranslation } from 'react-i18next'
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'

import { certificationRule, type PracticeSessionSummary } from '@shared/practice/progress-api'
import { formatPercent } from '../../evaluation-figures'
import { certificationMark, formatDateTime, formatDay, scenarioTitle } from '../progress-labels'

/**
 * A trainee's score session by session, oldest first, against the certification mark (the
 * sessions do not carry each scenario's own pass mark; the mark that decides certification is
 * the one a trainer watches). The figures are in the image's name and in a table under it.
 */
export function ScoreChart({
  sessions,
  width
}: {
  /** Newest first, as the server sends them. */
  sessions: readonly PracticeSessionSummary[]
  width: number
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const rows = [...sessions].reverse().map((s, i) => ({
    key: s.id,
    // The index keeps two sessions of one day apart on the axis.
    n: i + 1,
    day: formatDay(s.endedAt, lang),
    when: formatDateTime(s.endedAt, lang),
    scenario: scenarioTitle(s.scenarioTitle, lang),
    percent: s.percent
  }))
  const title = t('trainingProgress.trainee.scores')
  const mark = certificationMark(lang)
  const summary = rows.map((r) => `${r.day} ${formatPercent(r.percent, lang)}`).join(', ')
  const dayOf = (n: unknown) => rows.find((r) => r.n === n)?.day ?? ''
  return (
    <>
      <div
        role="img"
        aria-label={t('trainingProgress.trainee.chartName', { title, mark, summary })}
      >
        <LineChart
          width={width}
          height={180}
          data={rows}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          aria-hidden="true"
          // Hidden from assistive tech (the figures are in the label and the table): not focusable.
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="n" tick={{ fontSize: 11 }} tickFormatter={dayOf} />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            unit="%"
            tick={{ fontSize: 11 }}
          />
          <Tooltip
            formatter={(v: unknown) => formatPercent(typeof v === 'number' ? v : null, lang)}
            labelFormatter={(n: unknown) => rows.find((r) => r.n === n)?.when ?? ''}
          />
          <ReferenceLine
            y={certificationRule.minPercent}
            stroke="var(--ok)"
            strokeDasharray="6 3"
            label={{
              value: t('trainingProgress.trainee.passMark'),
              position: 'insideBottomRight',
              fontSize: 11,
              fill: 'var(--text-muted)'
            }}
          />
          <Line
            dataKey="percent"
            name={title}
            stroke="var(--text)"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </div>
      <details className="chart-table">
        <summary>{t('trainingProgress.trainee.showTable')}</summary>
        <table className="analytics-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trainingProgress.sessions.date')}</th>
              <th scope="col">{t('trainingProgress.sessions.scenario')}</th>
              <th scope="col" className="numeric">
                {t('trainingProgress.sessions.score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.when}</th>
                <td>{r.scenario}</td>
                <td className="numeric">{formatPercent(r.percent, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  )
}
