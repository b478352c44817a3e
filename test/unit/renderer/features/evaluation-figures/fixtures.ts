/** A small figures report as the server answers it, and agents to sort. */
import type { EvaluationFigures } from '@shared/evaluations/evaluation-api'

export const A1 = '11111111-1111-4111-8111-111111111111'
export const A2 = '22222222-2222-4222-8222-222222222222'
export const A3 = '33333333-3333-4333-8333-333333333333'
export const TEAM = '44444444-4444-4444-8444-444444444444'
export const HOSTILE = '<img src=x onerror=alert(1)>\u202eAna'

export function agent(
  agentId: string,
  name: string,
  averagePercent: number | null,
  count: number,
  criticalFailures: number
): EvaluationFigures['agents'][number] {
  return {
    agentId,
    name,
    teamId: TEAM,
    count,
    averagePercent,
    criticalFailures,
    dimensions: [
      { dimension: 'courtesy', percent: 95, count },
      { dimension: 'empathy', percent: 60, count },
      { dimension: 'security', percent: null, count: 0 }
    ]
  }
}

export function figures(over: Partial<EvaluationFigures> = {}): EvaluationFigures {
  return {
    kind: 'quality',
    from: '2026-10-12',
    to: '2026-12-06',
    total: { count: 12, averagePercent: 84.5, criticalFailures: 2, passRate: 0.75, disputed: 1 },
    agents: [agent(A1, 'Beatriz Ruiz', 91.2, 5, 0), agent(A2, 'Ana Pérez', 72.5, 7, 2)],
    dimensions: [
      { dimension: 'courtesy', percent: 92.5, count: 12 },
      { dimension: 'empathy', percent: 61.2, count: 12 },
      { dimension: 'script_adherence', percent: 75, count: 10 },
      { dimension: 'security', percent: null, count: 0 }
    ],
    teams: [
      {
        teamId: TEAM,
        name: 'Equipo Norte',
        count: 12,
        averagePercent: 84.5,
        weakest: [
          { dimension: 'courtesy', percent: 92.5, count: 12 },
          { dimension: 'empathy', percent: 61.2, count: 12 },
          { dimension: 'knowledge', percent: 95, count: 12 },
          { dimension: 'script_adherence', percent: 75, count: 10 }
        ]
      }
    ],
    weeks: [
      { week: '2026-11-30', agentId: null, count: 7, averagePercent: 84.5 },
      { week: '2026-11-23', agentId: null, count: 5, averagePercent: 80 },
      { week: '2026-11-30', agentId: A2, count: 3, averagePercent: 72.5 },
      { week: '2026-11-30', agentId: A1, count: 4, averagePercent: 91 }
    ],
    dimensionWeeks: [
      { week: '2026-11-23', dimension: 'courtesy', percent: 90, count: 5 },
      { week: '2026-11-23', dimension: 'empathy', percent: 55, count: 5 },
      { week: '2026-11-30', dimension: 'courtesy', percent: 94.3, count: 7 },
      { week: '2026-11-30', dimension: 'empathy', percent: 65.5, count: 7 },
      { week: '2026-11-30', dimension: 'script_adherence', percent: 75, count: 6 }
    ],
    ...over
  }
}
