import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { OVERALL, weeklySeries, type AgentFigure, type WeekFigure } from '../figures-shaping'
import { TrendChart } from './TrendChart'

/** The weekly average, overall (the thick line) and for the agents picked in the table. */
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
  const { t } = useTranslation()
  const title = t('evaluationFigures.trend.title')
  const rows = weeklySeries(
    weeks,
    agents.map((a) => a.agentId)
  )
  const series = [
    { key: OVERALL, name: t('evaluationFigures.trend.overall') },
    ...agents.map((a) => ({ key: a.agentId, name: sanitizeDisplayText(a.name, 60) }))
  ]
  return (
    <section className="figures-block" aria-label={title}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('evaluationFigures.trend.none')}</p>
      ) : (
        <>
          <p className="muted figures-hint">{t('evaluationFigures.trend.hint')}</p>
          <TrendChart rows={rows} series={series} title={title} width={width} />
        </>
      )}
    </section>
  )
}
