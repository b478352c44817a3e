import { useTranslation } from 'react-i18next'

import type { EvaluationDimension } from '@shared/evaluations/dimensions'
import { dimensionSeries, trendDimensions, type DimensionWeekFigure } from '../figures-shaping'
import { TrendChart } from './TrendChart'

/**
 * Chosen dimensions week by week: whether coaching on the weakest one is paying off. The
 * checkboxes list the dimensions scored in the period, in checklist order.
 */
export function DimensionTrend({
  weeks,
  chosen,
  onToggle,
  width
}: {
  weeks: readonly DimensionWeekFigure[]
  chosen: readonly EvaluationDimension[]
  onToggle: (dimension: EvaluationDimension) => void
  width: number
}) {
  const { t } = useTranslation()
  const title = t('evaluationFigures.dimensionTrend.title')
  const offered = trendDimensions(weeks)
  const name = (d: EvaluationDimension) => t(`evaluationFigures.dimensions.${d}`)
  const shown = chosen.filter((d) => offered.includes(d))
  const rows = dimensionSeries(weeks, shown)
  return (
    <section className="figures-block" aria-label={title}>
      <h3>{title}</h3>
      {offered.length === 0 ? (
        <p className="muted">{t('evaluationFigures.dimensionTrend.none')}</p>
      ) : (
        <>
          <fieldset className="figures-dimension-picker">
            <legend className="muted figures-hint">
              {t('evaluationFigures.dimensionTrend.hint')}
            </legend>
            {offered.map((d) => (
              <label key={d}>
                <input
                  type="checkbox"
                  checked={shown.includes(d)}
                  onChange={() => {
                    onToggle(d)
                  }}
                />
                {name(d)}
              </label>
            ))}
          </fieldset>
          {shown.length === 0 ? (
            <p className="muted">{t('evaluationFigures.dimensionTrend.noneChosen')}</p>
          ) : (
            <TrendChart
              rows={rows}
              series={shown.map((d) => ({ key: d, name: name(d) }))}
              title={title}
              width={width}
            />
          )}
        </>
      )}
    </section>
  )
}
