/**
 * `script_run.record`: stores how one call went through its script. The agent and team come
 * from the access token. Trainers record practice runs only, and production runs belong to a
 * team, so practice never mixes with production figures. Runs are read through the analytics
 * API, not pulled, so the mutation writes no change-log rows.
 */
import type { ScriptRunRecordArgs } from '@shared/domain/script-run'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { rejected, repeatOf, type MutationOutcome } from '../sync/mutation-outcome'
import { practiceMarkRefusal } from '../practice/practice-refusal'
import { rescorePracticeCall } from '../practice/practice-session-record'

export async function applyScriptRunRecord(
  tx: Queryable,
  claims: AccessClaims,
  args: ScriptRunRecordArgs
): Promise<MutationOutcome> {
  const marked = practiceMarkRefusal(args)
  if (marked) return marked
  if (!args.practice && (claims.teamId === null || claims.role === 'trainer')) {
    return rejected('forbidden', 'Only members of a team record production script runs')
  }
  const repeat = await repeatOf(tx, 'script_runs', args.id, claims.userId, 'A script run')
  if (repeat) return repeat
  const customer =
    args.customerId === null
      ? []
      : await tx.query<{ id: string }>('SELECT id FROM customers WHERE id = $1', [args.customerId])
  await tx.query(
    `INSERT INTO script_runs (id, agent_id, team_id, call_id, practice, customer_id, script_id,
       script_version, language, status, outcome, abandon_reason, started_at, ended_at, steps,
       confirmations)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16::jsonb)`,
    [
      args.id,
      claims.userId,
      claims.teamId,
      args.callId,
      args.practice,
      customer[0]?.id ?? null,
      args.scriptId,
      args.scriptVersion,
      args.language,
      args.status,
      args.outcome,
      args.abandonReason,
      args.startedAt,
      args.endedAt,
      JSON.stringify(args.steps),
      JSON.stringify(args.confirmations)
    ]
  )
  if (args.practice && args.callId !== null) {
    await rescorePracticeCall(tx, claims.userId, args.callId)
  }
  return { status: 'applied', changes: [] }
}
