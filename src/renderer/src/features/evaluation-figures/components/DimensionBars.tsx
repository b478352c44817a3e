import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts'

import { formatCount, formatPercent } from '../figures-format'
import { dimensionBars, type DimensionFigure } from '../figures-shaping'
import { ChartTable } from './ChartTable'

const ROW_HEIGHT = 22

/**
 * The average per checklist dimension, weakest on top, as horizontal bars with the value at the
 * bar's end; the chart is one image with its figures in words, and the same figures are a table
 * one click away.
 */
export function DimensionBars({
  dimensions,
  width
}: {
  dimensions: readonly DimensionFigure[]
  width: number
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const bars = dimensionBars(dimensions).map((b) => ({
    ...b,
    label: t(`evaluationFigures.dimensions.${b.dimension}`)
  }))
  const title = t('evaluationFigures.dimensionsChart.title')
  if (bars.length === 0) {
    return (
      <section className="figures-block" aria-label={title}>
        <h3>{title}</h3>
        <p className="muted">{t('evaluationFigures.dimensionsChart.none')}</p>
      </section>
    )
  }
  const summary = bars.map((b) => `${b.label} ${formatPercent(b.percent, lang)}`).join(', ')
  return (
    <section className="figures-block" aria-label={title}>
      <h3>{title}</h3>
      <div role="img" aria-label={t('evaluationFigures.chartName', { title, summary })}>
        <BarChart
          width={width}
          height={bars.length * ROW_HEIGHT + 28}
          data={bars}
          layout="vertical"
          margin={{ top: 0, right: 56, bottom: 0, left: 0 }}
          aria-hidden="true"
          // Hidden from assistive tech (the figures are in the label and the table): not focusable.
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} strokeDasharray="2 4" />
          <XAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tick={{ fontSize: 11 }}
            unit="%"
          />
          <YAxis type="category" dataKey="label" width={132} interval={0} tick={{ fontSize: 12 }} />
          <Bar dataKey="percent" className="figures-bar" barSize={12} isAnimationActive={false}>
            <LabelList
              dataKey="percent"
              position="right"
              className="figures-bar-label"
              formatter={(value: unknown) =>
                typeof value === 'number' ? formatPercent(value, lang) : ''
              }
            />
          </Bar>
        </BarChart>
      </div>
      <ChartTable
        caption={title}
        headers={[
          t('evaluationFigures.dimensionsChart.dimension'),
          t('evaluationFigures.dimensionsChart.average'),
          t('evaluationFigures.dimensionsChart.count')
        ]}
        rows={bars.map((b) => ({
          key: b.dimension,
          cells: [b.label, formatPercent(b.percent, lang), formatCount(b.count, lang)]
        }))}
      />
    </section>
  )
}
