import { useTranslation } from 'react-i18next'
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'

import { formatPercent, formatWeek } from '../figures-format'
import { trendAxis, type WeekRow } from '../figures-shaping'
import { ChartTable } from './ChartTable'

/**
 * Each line differs by its dash as well as its colour, so the lines stay apart in grey, in
 * forced colours and for readers who do not tell the hues apart. The first is the thick one.
 */
const lineLooks = [
  { stroke: 'var(--text)', dash: null, width: 2.5 },
  { stroke: 'var(--accent)', dash: '6 3', width: 1.75 },
  { stroke: 'var(--warn)', dash: '2 3', width: 1.75 },
  { stroke: 'var(--ok)', dash: '10 4 2 4', width: 1.75 },
  { stroke: 'var(--danger)', dash: '1 5', width: 1.75 }
] as const

export interface TrendSeries {
  /** The row's key holding this line's weekly values. */
  key: string
  name: string
}

/**
 * Weekly percentages as lines, one image whose figures are in its name, with the same figures as
 * a table under it. `rows` come from the figures' shaping (one per week, oldest first).
 */
export function TrendChart({
  rows,
  series,
  title,
  width
}: {
  rows: readonly WeekRow[]
  series: readonly TrendSeries[]
  title: string
  width: number
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const axis = trendAxis(rows)
  const value = (v: unknown) => (typeof v === 'number' ? v : null)
  const first = series[0]
  const summary =
    first === undefined
      ? ''
      : rows
          .map((r) => `${formatWeek(r.week, lang)} ${formatPercent(value(r[first.key]), lang)}`)
          .join(', ')
  return (
    <>
      <div role="img" aria-label={t('evaluationFigures.chartName', { title, summary })}>
        <LineChart
          width={width}
          height={200}
          data={[...rows]}
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
            const look = lineLooks[i % lineLooks.length] ?? lineLooks[0]
            return (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={look.stroke}
                strokeWidth={look.width}
                {...(look.dash === null ? {} : { strokeDasharray: look.dash })}
                // A line may have weeks without a figure: it joins the weeks that have one.
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
    </>
  )
}
