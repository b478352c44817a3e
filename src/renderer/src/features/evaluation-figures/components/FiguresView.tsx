import { useState } from 'react'

import type { EvaluationDimension } from '@shared/evaluations/dimensions'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { EvaluationFigures } from '@shared/evaluations/evaluation-api'
import { formatCount, formatPercent, formatRate } from '../figures-format'
import {
  defaultAgentSort,
  defaultTrendDimensions,
  nextSort,
  teamWeakest,
  toggleTrendAgent,
  toggleTrendLine,
  type AgentSort
} from '../figures-shaping'
import { useElementWidth } from '../use-element-width'
import { AgentFiguresTable } from './AgentFiguresTable'
import { DimensionBars } from './DimensionBars'
import { DimensionTrend } from './DimensionTrend'
import { WeeklyTrend } from './WeeklyTrend'

/** The period's totals as a row of labelled numbers. */
function Totals({ total }: { total: EvaluationFigures['total'] }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const items: [string, string, boolean][] = [
    ['count', formatCount(total.count, lang), false],
    ['average', formatPercent(total.averagePercent, lang), false],
    ['passRate', formatRate(total.passRate, lang), false],
    ['criticalFailures', formatCount(total.criticalFailures, lang), total.criticalFailures > 0],
    ['disputed', formatCount(total.disputed, lang), false]
  ]
  return (
    <dl className="figures-totals" aria-label={t('evaluationFigures.totals.label')}>
      {items.map(([key, value, alarm]) => (
        <div key={key} className={alarm ? 'figures-total figures-critical' : 'figures-total'}>
          <dt>{t(`evaluationFigures.totals.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Per team, the dimensions where it scores lowest: where coaching pays first. */
function TeamsWeakest({ teams }: { teams: EvaluationFigures['teams'] }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const title = t('evaluationFigures.teams.title')
  return (
    <section className="figures-block" aria-label={title}>
      <h3>{title}</h3>
      {teams.length === 0 ? (
        <p className="muted">{t('evaluationFigures.teams.none')}</p>
      ) : (
        <ul className="figures-teams">
          {teams.map((team) => {
            const weakest = teamWeakest(team)
            const name = team.teamId === null ? t('evaluationFigures.teams.noTeam') : team.name
            return (
              <li key={team.teamId ?? 'none'}>
                <strong title={sanitizeDisplayText(name, 200)}>
                  {sanitizeDisplayText(name, 60)}
                </strong>
                <span className="muted">
                  {t('evaluationFigures.teams.summary', {
                    count: team.count,
                    average: formatPercent(team.averagePercent, lang)
                  })}
                </span>
                {weakest.length === 0 ? (
                  <span className="muted">{t('evaluationFigures.teams.noDimensions')}</span>
                ) : (
                  <ol aria-label={t('evaluationFigures.teams.weakestOf', { team: name })}>
                    {weakest.map((d) => (
                      <li key={d.dimension}>
                        {t(`evaluationFigures.dimensions.${d.dimension}`)}{' '}
                        <span className="numeric">{formatPercent(d.percent, lang)}</span>
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

/**
 * The figures of one kind over one period, from the server's report: totals, agents, dimensions,
 * the weekly trends (overall and agents; chosen dimensions) and each team's weakest dimensions. Sorting and the trend's agents are this
 * view's own state.
 */
export function FiguresView({ figures }: { figures: EvaluationFigures }) {
  const { t } = useTranslation()
  const [sort, setSort] = useState<AgentSort>(defaultAgentSort)
  const [trendAgents, setTrendAgents] = useState<string[]>([])
  // Until the reader picks, the dimension trend follows each report's two weakest dimensions.
  const [pickedDimensions, setPickedDimensions] = useState<EvaluationDimension[] | null>(null)
  const [leftRef, leftWidth] = useElementWidth<HTMLDivElement>(560)
  const [rightRef, rightWidth] = useElementWidth<HTMLDivElement>(480)
  if (figures.total.count === 0) {
    return <p className="figures-empty">{t('evaluationFigures.empty')}</p>
  }
  const trendDimensions = pickedDimensions ?? defaultTrendDimensions(figures.dimensions)
  const chosen = trendAgents.flatMap((id) => figures.agents.filter((a) => a.agentId === id))
  return (
    <div className="figures-view">
      <Totals total={figures.total} />
      <div className="figures-columns">
        <div ref={leftRef} className="figures-column">
          <AgentFiguresTable
            agents={figures.agents}
            sort={sort}
            onSort={(key) => {
              setSort((s) => nextSort(s, key))
            }}
            trendAgents={trendAgents}
            onToggleTrend={(id) => {
              setTrendAgents((ids) => toggleTrendAgent(ids, id))
            }}
          />
          <WeeklyTrend weeks={figures.weeks} agents={chosen} width={leftWidth} />
          <DimensionTrend
            weeks={figures.dimensionWeeks}
            chosen={trendDimensions}
            onToggle={(d) => {
              setPickedDimensions(toggleTrendLine(trendDimensions, d))
            }}
            width={leftWidth}
          />
        </div>
        <div ref={rightRef} className="figures-column">
          <DimensionBars dimensions={figures.dimensions} width={rightWidth} />
          <TeamsWeakest teams={figures.teams} />
        </div>
      </div>
    </div>
  )
}
