/**
 * The figures' numbers and shapes as pure functions: percentages in each language, signed
 * points, the default period, the agents' sort (figures missing go last), each agent's weakest
 * dimension, the bars and the weekly series, what is asked per role, and the server down read
 * as "offline".
 */
import { describe, expect, it } from 'vitest'

import { appError } from '@shared/contract/errors'
import { fail, ok } from '@shared/contract/result'
import {
  formatPercent,
  formatPoints,
  formatRate,
  formatWeek
} from '@renderer/features/evaluation-figures/figures-format'
import { fetchFigures, figuresQuery } from '@renderer/features/evaluation-figures/figures-query'
import {
  defaultPeriod,
  defaultTrendDimensions,
  dimensionBars,
  dimensionSeries,
  nextSort,
  periodProblem,
  sortAgents,
  teamWeakest,
  toggleTrendAgent,
  toggleTrendLine,
  trendAxis,
  trendDimensions,
  weakestDimension,
  weeklySeries,
  type AgentFigure
} from '@renderer/features/evaluation-figures/figures-shaping'

import { agent, figures, A1, A2, A3 } from './fixtures'

describe('the figures’ formats', () => {
  it('reads a percentage with one decimal in each language', () => {
    expect(formatPercent(87.5, 'es')).toBe('87,5\u00a0%')
    expect(formatPercent(80, 'es')).toBe('80,0\u00a0%')
    expect(formatPercent(87.5, 'en')).toBe('87.5%')
    expect(formatPercent(null, 'es')).toBe('—')
    expect(formatRate(0.8333, 'es')).toBe('83,3\u00a0%')
    expect(formatRate(null, 'en')).toBe('—')
  })

  it('signs a difference in points with a true minus', () => {
    expect(formatPoints(2.5, 'es')).toBe('+2,5')
    expect(formatPoints(-12.5, 'es')).toBe('\u221212,5')
    expect(formatPoints(0, 'en')).toBe('0.0')
    expect(formatPoints(null, 'en')).toBe('—')
  })

  it('names a week by its Monday', () => {
    expect(formatWeek('2026-12-07', 'es')).toBe('7 dic')
    expect(formatWeek('2026-12-07', 'en')).toBe('Dec 7')
  })
})

describe('the period', () => {
  it('opens on the last eight weeks, today included', () => {
    expect(defaultPeriod(new Date(2026, 11, 6, 15, 0))).toEqual({
      from: '2026-10-12',
      to: '2026-12-06'
    })
  })

  it('says when it cannot be asked', () => {
    expect(periodProblem('2026-12-06', '2026-10-12')).toBe('reversed')
    expect(periodProblem('', '2026-10-12')).toBe('missing')
    expect(periodProblem('2026-10-12', '2026-10-12')).toBeNull()
  })
})

describe('the agents’ table', () => {
  const agents: AgentFigure[] = [
    agent(A1, 'Beatriz', 91, 4, 0),
    agent(A2, 'álvaro', 72.5, 6, 2),
    agent(A3, 'Carlos', null, 0, 0)
  ]
  const names = (list: AgentFigure[]) => list.map((a) => a.name)

  it('sorts by average (lowest first by default), with no figure last either way', () => {
    expect(names(sortAgents(agents, { key: 'average', direction: 'ascending' }, 'es'))).toEqual([
      'álvaro',
      'Beatriz',
      'Carlos'
    ])
    expect(names(sortAgents(agents, { key: 'average', direction: 'descending' }, 'es'))).toEqual([
      'Beatriz',
      'álvaro',
      'Carlos'
    ])
  })

  it('sorts names the way the language does (accents and case aside)', () => {
    expect(names(sortAgents(agents, { key: 'name', direction: 'ascending' }, 'es'))).toEqual([
      'álvaro',
      'Beatriz',
      'Carlos'
    ])
  })

  it('first sorts counts and failures most first, and flips on a second click', () => {
    const first = nextSort({ key: 'average', direction: 'ascending' }, 'criticalFailures')
    expect(first).toEqual({ key: 'criticalFailures', direction: 'descending' })
    expect(nextSort(first, 'criticalFailures').direction).toBe('ascending')
  })

  it('finds the weakest dimension with something counted', () => {
    expect(weakestDimension(agents[0] as AgentFigure)).toEqual({
      dimension: 'empathy',
      percent: 60,
      count: 4
    })
    expect(
      weakestDimension({ dimensions: [{ dimension: 'courtesy', percent: null, count: 0 }] })
    ).toBeNull()
  })

  it('follows at most four agents in the trend, dropping the earliest picked', () => {
    let chosen: string[] = []
    for (const id of ['a', 'b', 'c', 'd', 'e']) chosen = toggleTrendAgent(chosen, id)
    expect(chosen).toEqual(['b', 'c', 'd', 'e'])
    expect(toggleTrendAgent(chosen, 'c')).toEqual(['b', 'd', 'e'])
  })
})

describe('the charts’ data', () => {
  it('draws the dimensions with a figure, weakest first', () => {
    expect(dimensionBars(figures().dimensions).map((d) => [d.dimension, d.percent])).toEqual([
      ['empathy', 61.2],
      ['script_adherence', 75],
      ['courtesy', 92.5]
    ])
  })

  it('lays the weeks out oldest first, overall and per chosen agent, gaps as null', () => {
    expect(weeklySeries(figures().weeks, [A2])).toEqual([
      { week: '2026-11-23', overall: 80, [A2]: null },
      { week: '2026-11-30', overall: 84.5, [A2]: 72.5 }
    ])
  })

  it('starts the trend’s axis a round ten under its lowest value', () => {
    expect(trendAxis(weeklySeries(figures().weeks, [A2]))).toEqual({
      domain: [60, 100],
      ticks: [60, 70, 80, 90, 100]
    })
    expect(trendAxis([{ week: '2026-11-30', overall: 31 }])).toEqual({
      domain: [20, 100],
      ticks: [20, 45, 70, 95, 100]
    })
    expect(trendAxis([]).domain).toEqual([0, 100])
  })

  it('lays each chosen dimension out week by week, gaps as null', () => {
    const weeks = figures().dimensionWeeks
    expect(dimensionSeries(weeks, ['empathy', 'script_adherence'])).toEqual([
      { week: '2026-11-23', empathy: 55, script_adherence: null },
      { week: '2026-11-30', empathy: 65.5, script_adherence: 75 }
    ])
    expect(dimensionSeries([], ['empathy'])).toEqual([])
  })

  it('offers the dimensions scored in the period in checklist order, and opens on the two weakest', () => {
    const unscored = { week: '2026-11-30', dimension: 'security' as const, percent: null, count: 2 }
    expect(trendDimensions([...figures().dimensionWeeks, unscored])).toEqual([
      'courtesy',
      'empathy',
      'script_adherence'
    ])
    expect(defaultTrendDimensions(figures().dimensions)).toEqual(['empathy', 'script_adherence'])
    expect(defaultTrendDimensions([])).toEqual([])
    expect(toggleTrendLine(['empathy'], 'courtesy')).toEqual(['empathy', 'courtesy'])
    expect(toggleTrendLine(['empathy', 'courtesy'], 'empathy')).toEqual(['courtesy'])
  })

  it('keeps each team’s three weakest dimensions', () => {
    const team = figures().teams[0]
    expect(team && teamWeakest(team).map((d) => d.dimension)).toEqual([
      'empathy',
      'script_adherence',
      'courtesy'
    ])
  })
})

describe('what the panel asks', () => {
  const values = { from: '2026-10-12', to: '2026-12-06', teamId: 'T', kind: 'training' as const }

  it('asks a trainer for training, a lead for quality in their team, an admin what they chose', () => {
    expect(figuresQuery(values, 'trainer', null)).toEqual({
      from: '2026-10-12',
      to: '2026-12-06',
      kind: 'training'
    })
    expect(figuresQuery(values, 'team_lead', 'LEADS-TEAM')).toEqual({
      from: '2026-10-12',
      to: '2026-12-06',
      kind: 'quality',
      teamId: 'LEADS-TEAM'
    })
    expect(figuresQuery({ ...values, teamId: '' }, 'admin', null)).toEqual({
      from: '2026-10-12',
      to: '2026-12-06',
      kind: 'training'
    })
  })

  it('reads the server down as offline, and other refusals as failures', async () => {
    const query = figuresQuery(values, 'admin', null)
    const down = { send: () => Promise.resolve(fail(appError('unavailable', 'offline'))) }
    expect(await fetchFigures(down as never, query)).toEqual({ state: 'offline' })
    const refused = { send: () => Promise.resolve(fail(appError('forbidden', 'not yours'))) }
    expect(await fetchFigures(refused as never, query)).toEqual({
      state: 'failed',
      message: 'not yours'
    })
    const up = { send: () => Promise.resolve(ok({ figures: figures() })) }
    expect((await fetchFigures(up as never, query)).state).toBe('ready')
  })
})
