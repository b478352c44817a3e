/**
 * An evaluation as stored, who may see it, and the record the change log sends whole on every
 * step (with its history, built from evaluation_events with the actors' names).
 *
 * Where the change goes: the agent's team (the practice scope for training evaluations, so only
 * trainers and admins pull them); private to the evaluator while draft or submitted, to the agent
 * from release on. The pull's rule adds the team's leads (or the trainers) to private rows.
 */
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import {
  releasedStates,
  type Evaluation,
  type EvaluationAction,
  type EvaluationScoreSummary,
  type EvaluationState,
  type ResolveDecision
} from '@shared/evaluations/evaluation'
import type { NewChange } from '../sync/change-log'
import { PRACTICE_SCOPE_ID } from '../sync/visibility'

export interface EvaluationRow {
  id: string
  form_id: string
  form_version: number
  kind: 'quality' | 'training'
  agent_id: string
  team_id: string | null
  evaluator_id: string
  call_id: string
  interaction_id: string | null
  practice: boolean
  calibration: boolean
  state: EvaluationState
  answers: EvaluationAnswer[]
  comment: string
  score: EvaluationScoreSummary
  created_at: Date
  updated_at: Date
  released_at: Date | null
  dispute: { at: string; comment: string } | null
  resolution: { at: string; decision: ResolveDecision; reason: string; byId: string } | null
}

/** The row, locked until the transaction ends: steps on one evaluation take turns. */
export async function lockEvaluation(tx: Queryable, id: string): Promise<EvaluationRow | null> {
  const rows = await tx.query<EvaluationRow>('SELECT * FROM evaluations WHERE id = $1 FOR UPDATE', [
    id
  ])
  return rows[0] ?? null
}

export const isReleased = (state: EvaluationState): boolean => releasedStates.includes(state)

/**
 * Whether the caller may know of the evaluation, as the pull would show it: admins all; its
 * evaluator; trainers the practice ones; leads their team's production ones; the agent (or the
 * trainee) their own from release on. Anyone else is told it does not exist.
 */
export function maySee(claims: AccessClaims, row: EvaluationRow): boolean {
  if (claims.role === 'admin' || row.evaluator_id === claims.userId) return true
  const own = row.agent_id === claims.userId && isReleased(row.state)
  if (row.practice) return claims.role === 'trainer' || own
  if (claims.role === 'team_lead') return row.team_id !== null && row.team_id === claims.teamId
  return own
}

interface NamedRow extends EvaluationRow {
  agent_name: string
  evaluator_name: string
  resolver_name: string | null
  /** The steps, oldest first; `at` as JSON text of a timestamptz. */
  history: {
    at: string
    actorId: string
    actorName: string
    action: EvaluationAction
    comment: string
    percent: number | null
    criticalFailed: boolean
  }[]
}

const iso = (at: string): string => new Date(at).toISOString()

/** The evaluation whole, with names and history, in one statement. */
export async function readEvaluation(tx: Queryable, id: string): Promise<Evaluation | null> {
  const rows = await tx.query<NamedRow>(
    `SELECT e.*, a.display_name AS agent_name, v.display_name AS evaluator_name,
            r.display_name AS resolver_name,
            COALESCE((SELECT json_agg(json_build_object(
                        'at', ev.at, 'actorId', ev.actor_id, 'actorName', u.display_name,
                        'action', ev.action, 'comment', ev.comment,
                        'percent', ev.percent::float8, 'criticalFailed', ev.critical_failed)
                      ORDER BY ev.id)
                        FROM evaluation_events ev JOIN users u ON u.id = ev.actor_id
                       WHERE ev.evaluation_id = e.id), '[]'::json) AS history
       FROM evaluations e
       JOIN users a ON a.id = e.agent_id
       JOIN users v ON v.id = e.evaluator_id
       LEFT JOIN users r ON r.id = (e.resolution->>'byId')::uuid
      WHERE e.id = $1`,
    [id]
  )
  const row = rows[0]
  if (!row) return null
  return {
    id: row.id,
    formId: row.form_id,
    formVersion: row.form_version,
    kind: row.kind,
    agentId: row.agent_id,
    agentName: row.agent_name,
    teamId: row.practice ? PRACTICE_SCOPE_ID : row.team_id,
    evaluatorId: row.evaluator_id,
    evaluatorName: row.evaluator_name,
    callId: row.call_id,
    interactionId: row.interaction_id,
    practice: row.practice,
    calibration: row.calibration,
    state: row.state,
    answers: row.answers,
    comment: row.comment,
    score: row.score,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    releasedAt: row.released_at?.toISOString() ?? null,
    dispute: row.dispute && { at: iso(row.dispute.at), comment: row.dispute.comment },
    resolution: row.resolution && {
      at: iso(row.resolution.at),
      decision: row.resolution.decision,
      reason: row.resolution.reason,
      byId: row.resolution.byId,
      byName: row.resolver_name ?? ''
    },
    history: row.history.map((step) => ({ ...step, at: iso(step.at) }))
  }
}

/** The change-log entry for the evaluation as it is now (see the module's comment). */
export function evaluationChange(evaluation: Evaluation): NewChange {
  const beforeRelease = evaluation.state === 'draft' || evaluation.state === 'submitted'
  return {
    entity: 'evaluation',
    entityId: evaluation.id,
    teamId: evaluation.teamId,
    userId: beforeRelease ? evaluation.evaluatorId : evaluation.agentId,
    data: evaluation
  }
}
