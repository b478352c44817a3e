import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { formatCount, formatPercent } from '../figures-format'
import {
  sortAgents,
  weakestDimension,
  type AgentFigure,
  type AgentSort,
  type AgentSortKey
} from '../figures-shaping'

const columns: { key: AgentSortKey; numeric: boolean }[] = [
  { key: 'name', numeric: false },
  { key: 'count', numeric: true },
  { key: 'average', numeric: true },
  { key: 'criticalFailures', numeric: true },
  { key: 'weakest', numeric: false }
]

/**
 * Per agent: evaluations, average, critical failures and the weakest dimension; every column
 * sorts (a button in its header, `aria-sort` on the header), and a checkbox adds the agent's
 * line to the weekly trend.
 */
export function AgentFiguresTable({
  agents,
  sort,
  onSort,
  trendAgents,
  onToggleTrend
}: {
  agents: readonly AgentFigure[]
  sort: AgentSort
  onSort: (key: AgentSortKey) => void
  trendAgents: readonly string[]
  onToggleTrend: (agentId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  if (agents.length === 0) return <p className="muted">{t('evaluationFigures.agents.none')}</p>
  return (
    <table className="analytics-table figures-table">
      <caption>{t('evaluationFigures.agents.caption')}</caption>
      <thead>
        <tr>
          {columns.map(({ key, numeric }) => {
            const active = sort.key === key
            const Icon = !active
              ? ArrowUpDown
              : sort.direction === 'ascending'
                ? ArrowUp
                : ArrowDown
            return (
              <th
                key={key}
                scope="col"
                className={numeric ? 'numeric' : undefined}
                aria-sort={active ? sort.direction : 'none'}
              >
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => {
                    onSort(key)
                  }}
                >
                  {t(`evaluationFigures.agents.columns.${key}`)}
                  <Icon size={12} aria-hidden="true" className={active ? undefined : 'muted'} />
                </button>
              </th>
            )
          })}
          <th scope="col">{t('evaluationFigures.agents.columns.trend')}</th>
        </tr>
      </thead>
      <tbody>
        {sortAgents(agents, sort, lang).map((agent) => {
          const name = sanitizeDisplayText(agent.name, 80)
          const weakest = weakestDimension(agent)
          return (
            <tr key={agent.agentId}>
              <th scope="row" className="figures-name" title={name}>
                {name}
              </th>
              <td className="numeric">{formatCount(agent.count, lang)}</td>
              <td className="numeric">{formatPercent(agent.averagePercent, lang)}</td>
              <td className={agent.criticalFailures > 0 ? 'numeric figures-critical' : 'numeric'}>
                {formatCount(agent.criticalFailures, lang)}
              </td>
              <td>
                {weakest === null
                  ? '—'
                  : t('evaluationFigures.agents.weakestValue', {
                      dimension: t(`evaluationFigures.dimensions.${weakest.dimension}`),
                      percent: formatPercent(weakest.percent, lang)
                    })}
              </td>
              <td>
                <input
                  type="checkbox"
                  checked={trendAgents.includes(agent.agentId)}
                  aria-label={t('evaluationFigures.agents.trendLabel', { name })}
                  onChange={() => {
                    onToggleTrend(agent.agentId)
                  }}
                />
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
