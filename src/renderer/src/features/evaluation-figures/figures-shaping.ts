/**
 * The figures as the views draw them, as pure functions of the server's report: the default
 * period, the agents' table sorted, each agent's weakest dimension, the per-dimension bars and
 * the week-by-week series. Nothing here is recomputed from evaluations: the server counts.
 */
import type { EvaluationDimension } from '@shared/evaluations/dimensions'
import { evaluationDimensions } from '@shared/evaluations/dimensions'
import type { EvaluationFigures } from '@shared/evaluations/evaluation-api'

export type DimensionFigure = EvaluationFigures['dimensions'][number]
export type AgentFigure = EvaluationFigures['agents'][number]
export type WeekFigure = EvaluationFigures['weeks'][number]
export type TeamFigure = EvaluationFigures['teams'][number]
export type DimensionWeekFigure = EvaluationFigures['dimensionWeeks'][number]

/** The weeks the panel opens on: the last eight, today included. */
export const DEFAULT_WEEKS = 8

const DAY_MS = 86_400_000

/** A day as YYYY-MM-DD in the desk's own calendar (what the date inputs show). */
export function localIsoDay(date: Date): string {
  const y = String(date.getFullYear())
  const m = String(date.getMonth() + 1).padStart(2, '0')
  const d = String(date.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

export function defaultPeriod(today: Date): { from: string; to: string } {
  const from = new Date(today.getTime() - (DEFAULT_WEEKS * 7 - 1) * DAY_MS)
  return { from: localIsoDay(from), to: localIsoDay(today) }
}

/** The period reads backwards or is incomplete: nothing to ask the server. */
export function periodProblem(from: string, to: string): 'missing' | 'reversed' | null {
  if (from === '' || to === '') return 'missing'
  return from > to ? 'reversed' : null
}

const checklistOrder = (d: EvaluationDimension) => evaluationDimensions.indexOf(d)

/** Lowest percentage first; dimensions with nothing counted last; ties in checklist order. */
export function weakestFirst<T extends { dimension: EvaluationDimension; percent: number | null }>(
  figures: readonly T[]
): T[] {
  return [...figures].sort((a, b) => {
    if (a.percent === null || b.percent === null) {
      if (a.percent === b.percent) return checklistOrder(a.dimension) - checklistOrder(b.dimension)
      return a.percent === null ? 1 : -1
    }
    return a.percent - b.percent || checklistOrder(a.dimension) - checklistOrder(b.dimension)
  })
}

/** The agent's weakest dimension (with something counted), or null. */
export function weakestDimension(agent: Pick<AgentFigure, 'dimensions'>): DimensionFigure | null {
  const first = weakestFirst(agent.dimensions)[0]
  return first !== undefined && first.percent !== null ? first : null
}

export const agentSortKeys = ['name', 'average', 'count', 'criticalFailures', 'weakest'] as const
export type AgentSortKey = (typeof agentSortKeys)[number]
export type SortDirection = 'ascending' | 'descending'
export interface AgentSort {
  key: AgentSortKey
  direction: SortDirection
}

/** A lead opens the table on the agents who need them most: lowest average first. */
export const defaultAgentSort: AgentSort = { key: 'average', direction: 'ascending' }

/** The direction a column sorts in when first clicked: names A–Z, figures worst first. */
export function firstDirection(key: AgentSortKey): SortDirection {
  return key === 'count' || key === 'criticalFailures' ? 'descending' : 'ascending'
}

export function nextSort(current: AgentSort, key: AgentSortKey): AgentSort {
  if (current.key !== key) return { key, direction: firstDirection(key) }
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
}

function sortValue(agent: AgentFigure, key: Exclude<AgentSortKey, 'name'>): number | null {
  switch (key) {
    case 'average':
      return agent.averagePercent
    case 'count':
      return agent.count
    case 'criticalFailures':
      return agent.criticalFailures
    case 'weakest':
      return weakestDimension(agent)?.percent ?? null
  }
}

/** Sorted as asked; an agent with no figure goes last either way; ties by name. */
export function sortAgents(
  agents: readonly AgentFigure[],
  sort: AgentSort,
  language: string
): AgentFigure[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base' })
  const sign = sort.direction === 'ascending' ? 1 : -1
  const byName = (a: AgentFigure, b: AgentFigure) => collator.compare(a.name, b.name)
  return [...agents].sort((a, b) => {
    if (sort.key === 'name') return sign * byName(a, b)
    const x = sortValue(a, sort.key)
    const y = sortValue(b, sort.key)
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1
    return sign * (x - y) || byName(a, b)
  })
}

/** The per-dimension bars: the dimensions with something counted, weakest first. */
export function dimensionBars(
  dimensions: readonly DimensionFigure[]
): { dimension: EvaluationDimension; percent: number; count: number }[] {
  return weakestFirst(dimensions).flatMap((d) =>
    d.percent === null ? [] : [{ dimension: d.dimension, percent: d.percent, count: d.count }]
  )
}

/** The key of the overall line in a week's row (agent ids are uuids, so it never clashes). */
export const OVERALL = 'overall'

export type WeekRow = { week: string } & Record<string, number | null | string>

/**
 * One row per week (oldest first) with the overall average under `OVERALL` and each chosen
 * agent's under their id; a week an agent had no evaluation reads null (a gap in the line).
 */
export function weeklySeries(weeks: readonly WeekFigure[], agentIds: readonly string[]): WeekRow[] {
  const days = [...new Set(weeks.map((w) => w.week))].sort()
  return days.map((week) => {
    const row: WeekRow = { week, [OVERALL]: null }
    for (const id of agentIds) row[id] = null
    for (const w of weeks) {
      if (w.week !== week) continue
      if (w.agentId === null) row[OVERALL] = w.averagePercent
      else if (agentIds.includes(w.agentId)) row[w.agentId] = w.averagePercent
    }
    return row
  })
}

/** How many agents the weekly chart follows at once: more lines than this stop being readable. */
export const MAX_TREND_AGENTS = 4

/** Adds or removes a line from a trend, dropping the earliest chosen past the limit. */
export function toggleTrendLine<T extends string>(chosen: readonly T[], line: T): T[] {
  if (chosen.includes(line)) return chosen.filter((x) => x !== line)
  return [...chosen, line].slice(-MAX_TREND_AGENTS)
}

/** Adds or removes an agent from the weekly trend. */
export const toggleTrendAgent = (chosen: readonly string[], agentId: string): string[] =>
  toggleTrendLine(chosen, agentId)

/** The dimensions scored in some week of the period, in checklist order. */
export function trendDimensions(weeks: readonly DimensionWeekFigure[]): EvaluationDimension[] {
  const scored = new Set(weeks.filter((w) => w.percent !== null).map((w) => w.dimension))
  return evaluationDimensions.filter((d) => scored.has(d))
}

/** The dimensions the dimension trend opens on: the period's two weakest. */
export function defaultTrendDimensions(
  dimensions: readonly DimensionFigure[]
): EvaluationDimension[] {
  return weakestFirst(dimensions)
    .filter((d) => d.percent !== null)
    .slice(0, 2)
    .map((d) => d.dimension)
}

/**
 * One row per week (oldest first) with each chosen dimension's figure under its name; a week
 * where it was not scored reads null (a gap in its line).
 */
export function dimensionSeries(
  weeks: readonly DimensionWeekFigure[],
  dimensions: readonly EvaluationDimension[]
): WeekRow[] {
  const days = [...new Set(weeks.map((w) => w.week))].sort()
  return days.map((week) => {
    const row: WeekRow = { week }
    for (const d of dimensions) {
      row[d] = weeks.find((w) => w.week === week && w.dimension === d)?.percent ?? null
    }
    return row
  })
}

/** Each team's weakest dimensions, at most `limit`, with something counted. */
export function teamWeakest(team: TeamFigure, limit = 3): DimensionFigure[] {
  return weakestFirst(team.weakest)
    .filter((d) => d.percent !== null)
    .slice(0, limit)
}

/**
 * The trend's vertical axis: from a round ten under the lowest value to 100, so weeks between
 * 76 % and 84 % read as a slope rather than a flat line at the top of a 0–100 axis.
 */
export function trendAxis(rows: readonly WeekRow[]): { domain: [number, number]; ticks: number[] } {
  const values = rows.flatMap((r) =>
    Object.entries(r).flatMap(([key, v]) => (key !== 'week' && typeof v === 'number' ? [v] : []))
  )
  const lowest = values.length === 0 ? 0 : Math.min(...values)
  const floor = Math.max(0, Math.floor((lowest - 5) / 10) * 10)
  const step = 100 - floor <= 50 ? 10 : 25
  const ticks: number[] = []
  for (let t = floor; t <= 100; t += step) ticks.push(t)
  if (ticks[ticks.length - 1] !== 100) ticks.push(100)
  return { domain: [floor, 100], ticks }
}
