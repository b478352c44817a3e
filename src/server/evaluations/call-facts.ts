/**
 * What the server holds about one agent's call: its interaction record (production calls only;
 * none while the call is live), its latest script run and its disposition. Whether the call was
 * practice is read from those: a call with an interaction record is production; otherwise the
 * run's (or else the disposition's) `practice` flag says; with none of them it is not known yet.
 * `callFacts` reads the records whole (the call's context); `callSummary` only what the checks of
 * a save need, in one statement (a save is frequent: drafts are saved as the evaluator goes).
 */
import type { ScriptRunRecordArgs } from '@shared/domain/script-run'
import type { Queryable } from '../db/db'

export interface InteractionRow {
  id: string
  call_id: string
  agent_id: string
  team_id: string
  customer_id: string | null
  direction: 'inbound' | 'outbound'
  remote_number: string
  remote_e164: string | null
  ring_at: Date
  answered_at: Date | null
  ended_at: Date
  hold_seconds: number
  result: 'answered' | 'missed' | 'declined' | 'failed'
  ended_by: 'local' | 'remote' | 'system' | null
  party: 'customer' | 'colleague'
  monitored_by: unknown
  received_at: Date
}

export interface RunRow {
  id: string
  agent_id: string
  customer_id: string | null
  practice: boolean
  script_id: string
  script_version: number
  status: 'closed' | 'abandoned'
  outcome: string | null
  abandon_reason: string | null
  steps: ScriptRunRecordArgs['steps']
  confirmations: ScriptRunRecordArgs['confirmations']
}

export interface DispositionRow {
  id: string
  call_id: string
  interaction_id: string | null
  practice: boolean
  agent_id: string
  team_id: string | null
  code: string
  note: string
  customer_id: string | null
  recorded_at: Date
  received_at: Date
}

export interface CallFacts {
  interaction: InteractionRow | null
  run: RunRow | null
  disposition: DispositionRow | null
  /** Null when the server knows nothing of the call yet (a live call). */
  practice: boolean | null
  /** The customer the records name, the interaction's first. */
  customerId: string | null
}

export async function callFacts(
  tx: Queryable,
  agentId: string,
  callId: string
): Promise<CallFacts> {
  const interactions = await tx.query<InteractionRow>(
    `SELECT * FROM interactions WHERE agent_id = $1 AND call_id = $2
      ORDER BY ring_at DESC, received_at DESC LIMIT 1`,
    [agentId, callId]
  )
  const runs = await tx.query<RunRow>(
    `SELECT id, agent_id, customer_id, practice, script_id, script_version, status, outcome,
            abandon_reason, steps, confirmations
       FROM script_runs WHERE agent_id = $1 AND call_id = $2
      ORDER BY ended_at DESC, received_at DESC LIMIT 1`,
    [agentId, callId]
  )
  const dispositions = await tx.query<DispositionRow>(
    'SELECT * FROM dispositions WHERE agent_id = $1 AND call_id = $2',
    [agentId, callId]
  )
  const interaction = interactions[0] ?? null
  const run = runs[0] ?? null
  const disposition = dispositions[0] ?? null
  return {
    interaction,
    run,
    disposition,
    practice: interaction ? false : (run?.practice ?? disposition?.practice ?? null),
    customerId: interaction?.customer_id ?? run?.customer_id ?? disposition?.customer_id ?? null
  }
}

/** What the checks of an evaluation's save need to know about the agent and the call. */
export interface CallSummary {
  /** Null when there is no such user. */
  agent: { id: string; teamId: string | null } | null
  interactionId: string | null
  practice: boolean | null
  /** The script the call's latest run names. */
  runScriptId: string | null
  /** The call's evaluation that counts, other than `evaluationId`. */
  otherEvaluationId: string | null
}

export async function callSummary(
  tx: Queryable,
  agentId: string,
  callId: string,
  evaluationId: string
): Promise<CallSummary> {
  const rows = await tx.query<{
    agent_id: string | null
    team_id: string | null
    interaction_id: string | null
    run_practice: boolean | null
    run_script_id: string | null
    disposition_practice: boolean | null
    other_evaluation_id: string | null
  }>(
    `SELECT u.id AS agent_id, u.team_id,
            (SELECT i.id FROM interactions i WHERE i.agent_id = $1 AND i.call_id = $2
              ORDER BY i.ring_at DESC, i.received_at DESC LIMIT 1) AS interaction_id,
            r.practice AS run_practice, r.script_id AS run_script_id,
            (SELECT d.practice FROM dispositions d WHERE d.agent_id = $1 AND d.call_id = $2)
              AS disposition_practice,
            (SELECT e.id FROM evaluations e WHERE e.agent_id = $1 AND e.call_id = $2
                AND NOT e.calibration AND e.id <> $3 LIMIT 1) AS other_evaluation_id
       FROM (SELECT 1) one
       LEFT JOIN users u ON u.id = $1
       LEFT JOIN LATERAL (SELECT practice, script_id FROM script_runs
                           WHERE agent_id = $1 AND call_id = $2
                           ORDER BY ended_at DESC, received_at DESC LIMIT 1) r ON true`,
    [agentId, callId, evaluationId]
  )
  const row = rows[0]
  const interactionId = row?.interaction_id ?? null
  return {
    agent: row?.agent_id ? { id: row.agent_id, teamId: row.team_id } : null,
    interactionId,
    practice:
      interactionId !== null ? false : (row?.run_practice ?? row?.disposition_practice ?? null),
    runScriptId: row?.run_script_id ?? null,
    otherEvaluationId: row?.other_evaluation_id ?? null
  }
}
