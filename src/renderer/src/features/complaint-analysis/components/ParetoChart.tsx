import { useTranslation } from 'react-i18next'
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'

import type { ParetoRow } from '@shared/domain/complaint-analysis'

type ParetoChartProps = {
  /** The chart's accessible name, also the table's caption. */
  title: string
  /** The header of the key column ("Categoría"). */
  keyHeader: string
  rows: readonly ParetoRow[]
  labelOf: (key: string) => string
}

/**
 * Bars sorted biggest first with the cumulative share as a line (the few causes behind most
 * complaints), and the same figures as a table for screen readers and keyboard users.
 */
export function ParetoChart({ title, keyHeader, rows, labelOf }: ParetoChartProps) {
  const { t, i18n } = useTranslation()
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 1
  })
  const data = rows.map((r) => ({
    label: labelOf(r.key),
    count: r.count,
    cumulative: Math.round(r.cumulativeShare * 1000) / 10
  }))
  const summary = rows
    .map((r) => t('analysis.chartItem', { label: labelOf(r.key), count: r.count }))
    .join(', ')
  return (
    <figure className="pareto">
      {rows.length === 0 ? (
        <p className="muted">{t('analysis.noData')}</p>
      ) : (
        <div role="img" aria-label={t('analysis.chartName', { title, summary })}>
          <ComposedChart width={460} height={240} data={data} aria-hidden="true">
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
            <YAxis yAxisId="count" allowDecimals={false} />
            <YAxis yAxisId="share" orientation="right" domain={[0, 100]} unit="%" />
            <Tooltip />
            <Bar yAxisId="count" dataKey="count" name={t('analysis.count')} fill="#3b6ea5" />
            <Line
              yAxisId="share"
              dataKey="cumulative"
              name={t('analysis.cumulative')}
              stroke="#b3261e"
              isAnimationActive={false}
            />
          </ComposedChart>
        </div>
      )}
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col">{t('analysis.count')}</th>
            <th scope="col">{t('analysis.share')}</th>
            <th scope="col">{t('analysis.cumulative')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{labelOf(r.key)}</th>
              <td>{r.count}</td>
              <td>{percent.format(r.share)}</td>
              <td>{percent.format(r.cumulativeShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
