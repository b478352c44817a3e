/**
 * `practice_session.record`: a trainee's desk says which scenario version a practice call it
 * finished played. The server scores the call from its own records (practice-session-score.ts)
 * and keeps the session; the trainee is the pusher, never a field of the body.
 *
 * The run of a practice call may reach the server after the session: an open run is recorded as
 * abandoned when the trainee leaves the wrap-up, which is after the desk journals the session.
 * So a practice run arriving for a call with a session scores that session again
 * (`rescorePracticeCall`).
 */
import type { PracticeSessionRecordArgs } from '@shared/practice'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'
import { scoreSessionCall, type ScoredPractice } from './practice-session-score'

async function writeScore(tx: Queryable, sessionId: string, scored: ScoredPractice) {
  const { report } = scored
  await tx.query(
    `UPDATE practice_sessions SET script_id = $2, script_version = $3, percent = $4, passed = $5,
       critical_failures = $6, report = $7::jsonb, scored_at = now()
     WHERE id = $1`,
    [
      sessionId,
      scored.scriptId,
      scored.scriptVersion,
      report.percent,
      report.passed,
      report.criticalFailures.length,
      JSON.stringify(report)
    ]
  )
}

export async function applyPracticeSessionRecord(
  tx: Queryable,
  claims: AccessClaims,
  args: PracticeSessionRecordArgs
): Promise<MutationOutcome> {
  const seen = await tx.query<{ trainee_id: string; call_id: string }>(
    'SELECT trainee_id, call_id FROM practice_sessions WHERE id = $1',
    [args.id]
  )
  const before = seen[0]
  if (before) {
    if (before.trainee_id !== claims.userId) {
      return rejected('conflict', 'A practice session with this id belongs to another user')
    }
    return { status: 'applied', changes: [] }
  }
  const call = {
    traineeId: claims.userId,
    callId: args.callId,
    scenarioId: args.scenarioId,
    scenarioVersion: args.scenarioVersion
  }
  // Only a published version is something a trainee could have played.
  const published = await tx.query<{ n: number }>(
    `SELECT 1 AS n FROM practice_scenarios
     WHERE scenario_id = $1 AND version = $2 AND status = 'published'`,
    [args.scenarioId, args.scenarioVersion]
  )
  if (published.length === 0) {
    return rejected('not_found', 'No published practice scenario has this id and version', {
      scenarioId: args.scenarioId,
      scenarioVersion: args.scenarioVersion
    })
  }
  const practiced = await tx.query<{ n: number }>(
    `SELECT 1 AS n FROM dispositions WHERE agent_id = $1 AND call_id = $2 AND practice`,
    [claims.userId, args.callId]
  )
  if (practiced.length === 0) {
    // The wrap-up is journaled before the session: without it, this was not a practice call of
    // this trainee (or not one they finished).
    return rejected('invalid_argument', 'This call has no practice wrap-up of yours', {
      callId: args.callId
    })
  }
  const scored = await scoreSessionCall(tx, call)
  if (!scored) {
    return rejected('not_found', "The scenario's script version is not on this server", {
      scenarioId: args.scenarioId
    })
  }
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO practice_sessions (id, trainee_id, call_id, mode, scenario_id, scenario_version,
       script_id, script_version, ended_at, percent, passed, critical_failures, report)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb)
     ON CONFLICT (trainee_id, call_id) DO NOTHING
     RETURNING id`,
    [
      args.id,
      claims.userId,
      args.callId,
      args.mode,
      args.scenarioId,
      args.scenarioVersion,
      scored.scriptId,
      scored.scriptVersion,
      args.endedAt,
      scored.report.percent,
      scored.report.passed,
      scored.report.criticalFailures.length,
      JSON.stringify(scored.report)
    ]
  )
  if (inserted.length === 0) {
    return rejected('conflict', 'This practice call already has its session', {
      callId: args.callId
    })
  }
  return { status: 'applied', changes: [] }
}

/** A practice run just arrived: the session of its call, if any, is scored again with it. */
export async function rescorePracticeCall(
  tx: Queryable,
  traineeId: string,
  callId: string
): Promise<void> {
  const sessions = await tx.query<{ id: string; scenario_id: string; scenario_version: number }>(
    `SELECT id, scenario_id, scenario_version FROM practice_sessions
     WHERE trainee_id = $1 AND call_id = $2`,
    [traineeId, callId]
  )
  const session = sessions[0]
  if (!session) return
  const scored = await scoreSessionCall(tx, {
    traineeId,
    callId,
    scenarioId: session.scenario_id,
    scenarioVersion: session.scenario_version
  })
  if (scored) await writeScore(tx, session.id, scored)
}
