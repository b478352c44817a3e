/**
 * GET /api/evaluations/figures: released evaluations only (released, acknowledged, disputed,
 * resolved; never drafts, never calibration ones), of one kind, by the UTC day they were
 * released. Agents get their own; leads their team's (another team's: 403); trainers training
 * ones; admins all. Quality and training are never mixed: agents and leads ask for quality ones
 * only, trainers for training ones only (the same split the pull makes).
 *
 * A dimension's figure is the mean of the percentages of the sections on that dimension (a
 * section where nothing counted has none, and adds to the count only); an average is the mean of
 * the evaluations' percentages, and so is each dimension's figure per week. `passRate` is the share of evaluations that passed, 0 to 1;
 * `disputed` counts those ever disputed (resolved ones included). Weeks start on Monday.
 */
import { evaluationDimensions, type EvaluationDimension } from '@shared/evaluations/dimensions'
import type { EvaluationFigures, FiguresQuery } from '@shared/evaluations/evaluation-api'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable, SqlParam } from '../db/db'
import { HttpAppError } from '../http/app-error'

interface Scope {
  teamId: string | null
  agentId: string | null
}

function scopeOf(claims: AccessClaims, query: FiguresQuery): Scope {
  const teamId = query.teamId ?? null
  if (query.from > query.to) throw new HttpAppError('invalid_argument', '`from` is after `to`')
  switch (claims.role) {
    case 'admin':
      return { teamId, agentId: null }
    case 'trainer':
      if (query.kind !== 'training') {
        throw new HttpAppError('forbidden', 'Trainers read the figures of training evaluations')
      }
      return { teamId, agentId: null }
    case 'team_lead':
    case 'agent': {
      if (query.kind !== 'quality') {
        throw new HttpAppError('forbidden', 'Training figures are for trainers and admins')
      }
      if (claims.teamId === null || (teamId !== null && teamId !== claims.teamId)) {
        throw new HttpAppError('forbidden', 'Only your own team’s figures')
      }
      return claims.role === 'agent'
        ? { teamId: null, agentId: claims.userId }
        : { teamId: claims.teamId, agentId: null }
    }
  }
}

/** The evaluations counted (with what `join` adds), as a FROM clause with its parameters ($1…$5). */
const counted = (join = ''): string => `evaluations e ${join}
  WHERE e.kind = $1 AND NOT e.calibration
    AND e.state IN ('released', 'acknowledged', 'disputed', 'resolved')
    AND e.released_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
    AND e.released_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'
    AND ($4::uuid IS NULL OR e.team_id = $4::uuid)
    AND ($5::uuid IS NULL OR e.agent_id = $5::uuid)`

const round1 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10)
/** A share 0 to 1, to three decimals (66.7 % reads 0.667). */
const share = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null
const mean = (sum: number | null, n: number): number | null =>
  n > 0 && sum !== null ? round1(sum / n) : null

interface GroupRow {
  n: number
  scored: number
  total: number | null
  critical: number
  passed: number
  disputed: number
}
const AGGREGATES = `count(*)::int AS n, count(e.percent)::int AS scored,
  sum(e.percent)::float8 AS total, count(*) FILTER (WHERE e.critical_failed)::int AS critical,
  count(*) FILTER (WHERE (e.score->>'passed')::boolean)::int AS passed,
  count(*) FILTER (WHERE e.dispute IS NOT NULL)::int AS disputed`

interface DimensionRow {
  grouping: number
  agent_id: string | null
  team_id: string | null
  dimension: string
  percent: number | null
  n: number
}
type DimensionFigure = EvaluationFigures['dimensions'][number]

const isDimension = (d: string): d is EvaluationDimension =>
  evaluationDimensions.some((x) => x === d)
const order = (d: EvaluationDimension): number => evaluationDimensions.indexOf(d)

function figuresOf(rows: DimensionRow[]): DimensionFigure[] {
  return rows
    .flatMap((r) =>
      isDimension(r.dimension)
        ? [{ dimension: r.dimension, percent: round1(r.percent), count: r.n }]
        : []
    )
    .sort((a, b) => order(a.dimension) - order(b.dimension))
}

/** Weakest first; dimensions where nothing counted last. */
function weakestFirst(figures: DimensionFigure[]): DimensionFigure[] {
  return [...figures].sort(
    (a, b) =>
      (a.percent ?? Infinity) - (b.percent ?? Infinity) || order(a.dimension) - order(b.dimension)
  )
}

async function dimensionRows(db: Queryable, params: SqlParam[]): Promise<DimensionRow[]> {
  // GROUPING(agent_id, team_id): 1 per agent, 2 per team, 3 overall.
  return db.query<DimensionRow>(
    `SELECT GROUPING(d.agent_id, d.team_id) AS grouping, d.agent_id, d.team_id, d.dimension,
            avg(d.percent) AS percent, count(*)::int AS n
       FROM (SELECT e.agent_id, e.team_id, s.value->>'dimension' AS dimension,
                    (s.value->>'percent')::float8 AS percent
               FROM ${counted("CROSS JOIN LATERAL jsonb_array_elements(e.score->'sections') AS s(value)")}
                AND s.value->>'dimension' IS NOT NULL) d
      GROUP BY GROUPING SETS ((d.dimension), (d.agent_id, d.dimension), (d.team_id, d.dimension))`,
    params
  )
}

export async function evaluationFigures(
  db: Queryable,
  claims: AccessClaims,
  query: FiguresQuery
): Promise<EvaluationFigures> {
  const scope = scopeOf(claims, query)
  const params: SqlParam[] = [query.kind, query.from, query.to, scope.teamId, scope.agentId]
  const agents = await db.query<
    GroupRow & { agent_id: string; name: string; team_id: string | null }
  >(
    `SELECT e.agent_id, u.display_name AS name, u.team_id, ${AGGREGATES}
       FROM ${counted('JOIN users u ON u.id = e.agent_id')}
      GROUP BY e.agent_id, u.display_name, u.team_id ORDER BY u.display_name, e.agent_id`,
    params
  )
  const teams = await db.query<GroupRow & { team_id: string | null; name: string | null }>(
    `SELECT e.team_id, t.name, ${AGGREGATES}
       FROM ${counted('LEFT JOIN teams t ON t.id = e.team_id')}
      GROUP BY e.team_id, t.name ORDER BY t.name NULLS LAST`,
    params
  )
  const dimensions = await dimensionRows(db, params)
  const weeks = await db.query<{
    week: string
    agent_id: string | null
    grouping: number
    n: number
    percent: number | null
  }>(
    `SELECT w.week, w.agent_id, GROUPING(w.agent_id) AS grouping, count(*)::int AS n,
            avg(w.percent) AS percent
       FROM (SELECT to_char(date_trunc('week', e.released_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')
                      AS week, e.agent_id, e.percent::float8 AS percent
               FROM ${counted()}) w
      GROUP BY GROUPING SETS ((w.week), (w.week, w.agent_id))
      ORDER BY w.week, GROUPING(w.agent_id) DESC, w.agent_id`,
    params
  )
  const dimensionWeeks = await db.query<{
    week: string
    dimension: string
    percent: number | null
    n: number
  }>(
    `SELECT to_char(date_trunc('week', e.released_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
            s.value->>'dimension' AS dimension, avg((s.value->>'percent')::float8) AS percent,
            count(*)::int AS n
       FROM ${counted("CROSS JOIN LATERAL jsonb_array_elements(e.score->'sections') AS s(value)")}
        AND s.value->>'dimension' IS NOT NULL
      GROUP BY 1, 2 ORDER BY 1, 2`,
    params
  )
  const sum = (pick: (r: GroupRow) => number) => agents.reduce((n, r) => n + pick(r), 0)
  const count = sum((r) => r.n)
  return {
    kind: query.kind,
    from: query.from,
    to: query.to,
    total: {
      count,
      averagePercent: mean(
        sum((r) => r.total ?? 0),
        sum((r) => r.scored)
      ),
      criticalFailures: sum((r) => r.critical),
      passRate: share(
        sum((r) => r.passed),
        count
      ),
      disputed: sum((r) => r.disputed)
    },
    agents: agents.map((a) => ({
      agentId: a.agent_id,
      name: a.name,
      teamId: a.team_id,
      count: a.n,
      averagePercent: mean(a.total, a.scored),
      criticalFailures: a.critical,
      dimensions: figuresOf(dimensions.filter((d) => d.grouping === 1 && d.agent_id === a.agent_id))
    })),
    dimensions: figuresOf(dimensions.filter((d) => d.grouping === 3)),
    teams: teams.map((t) => ({
      teamId: t.team_id,
      name: t.name ?? '',
      count: t.n,
      averagePercent: mean(t.total, t.scored),
      weakest: weakestFirst(
        figuresOf(dimensions.filter((d) => d.grouping === 2 && d.team_id === t.team_id))
      )
    })),
    weeks: weeks.map((w) => ({
      week: w.week,
      agentId: w.grouping === 1 ? null : w.agent_id,
      count: w.n,
      averagePercent: round1(w.percent)
    })),
    dimensionWeeks: dimensionWeeks.flatMap((w) =>
      isDimension(w.dimension)
        ? [{ week: w.week, dimension: w.dimension, percent: round1(w.percent), count: w.n }]
        : []
    )
  }
}
