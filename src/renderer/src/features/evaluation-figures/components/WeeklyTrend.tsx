import { useTranslation } from 'react-i18next'
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'

import { sanitizeDisplayText } from '@shared/domain/text'
import { formatPercent, formatWeek } from '../figures-format'
import {
  OVERALL,
  trendAxis,
  weeklySeries,
  type AgentFigure,
  type WeekFigure
} from '../figures-shaping'
import { ChartTable } from './ChartTable'

/**
 * Each line differs by its dash as well as its colour, so the lines stay apart in grey, in
 * forced colours and for readers who do not tell the hues apart. The overall line is the thick one.
 */
const agentLines = [
  { stroke: 'var(--accent)', dash: '6 3' },
  { stroke: 'var(--warn)', dash: '2 3' },
  { stroke: 'var(--ok)', dash: '10 4 2 4' },
  { stroke: 'var(--danger)', dash: '1 5' }
] as const

/** The weekly average, overall and for the agents picked in the table, with the table under it. */
export function WeeklyTrend({
  weeks,
  agents,
  width
}: {
  weeks: readonly WeekFigure[]
  /** The agents whose lines show, in the order they were picked. */
  agents: readonly Pick<AgentFigure, 'agentId' | 'name'>[]
  width: number
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const title = t('evaluationFigures.trend.title')
  const rows = weeklySeries(
    weeks,
    agents.map((a) => a.agentId)
  )
  const overallName = t('evaluationFigures.trend.overall')
  const series = [
    { key: OVERALL, name: overallName },
    ...agents.map((a) => ({ key: a.agentId, name: sanitizeDisplayText(a.name, 60) }))
  ]
  if (rows.length === 0) {
    return (
      <section className="figures-block" aria-label={title}>
        <h3>{title}</h3>
        <p className="muted">{t('evaluationFigures.trend.none')}</p>
      </section>
    )
  }
  const axis = trendAxis(rows)
  const value = (v: unknown) => (typeof v === 'number' ? v : null)
  const summary = rows
    .map((r) => `${formatWeek(r.week, lang)} ${formatPercent(value(r[OVERALL]), lang)}`)
    .join(', ')
  return (
    <section className="figures-block" aria-label={title}>
      <h3>{title}</h3>
      <p className="muted figures-hint">{t('evaluationFigures.trend.hint')}</p>
      <div role="img" aria-label={t('evaluationFigures.chartName', { title, summary })}>
        <LineChart
          width={width}
          height={200}
          data={rows}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          aria-hidden="true"
          // Hidden from assistive tech (the figures are in the label and the table): not focusable.
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="week"
            tick={{ fontSize: 11 }}
            tickFormatter={(w: string) => formatWeek(w, lang)}
          />
          <YAxis domain={axis.domain} ticks={axis.ticks} unit="%" tick={{ fontSize: 11 }} />
          <Tooltip
            formatter={(v: unknown) => formatPercent(value(v), lang)}
            labelFormatter={(w: unknown) => (typeof w === 'string' ? formatWeek(w, lang) : '')}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => {
            const look = i === 0 ? null : (agentLines[(i - 1) % agentLines.length] ?? null)
            return (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={look?.stroke ?? 'var(--text)'}
                strokeWidth={look === null ? 2.5 : 1.75}
                {...(look === null ? {} : { strokeDasharray: look.dash })}
                // An agent is scored some weeks only: the line joins the weeks they were.
                connectNulls
                dot={{ r: 2.5 }}
                isAnimationActive={false}
              />
            )
          })}
        </LineChart>
      </div>
      <ChartTable
        caption={title}
        headers={[t('evaluationFigures.trend.week'), ...series.map((s) => s.name)]}
        rows={rows.map((r) => ({
          key: r.week,
          cells: [
            formatWeek(r.week, lang),
            ...series.map((s) => formatPercent(value(r[s.key]), lang))
          ]
        }))}
      />
    </section>
  )
}
