/**
 * GET /api/evaluations/call-context: what the evaluator reads beside the form. Who may ask: a
 * lead of the agent's team, an admin, a trainer for practice calls, and the agent for their own
 * calls. The call is found by (agent, call id): its interaction record, its latest script run
 * turned into adherence facts against the script version the run names (read from the scripts
 * table; no script when that version is gone), the complaints the agent filed on the call, its
 * disposition and the customer the records name.
 *
 * Practice: a call with an interaction record is production; otherwise the run's (or the
 * disposition's) `practice` flag says. A call the server knows nothing of yet (live, nothing
 * recorded) reads as the kind of call the caller evaluates: practice for a trainer, production
 * for anyone else, so a lead gets the (empty) facts of a live call from the floor.
 */
import { adherenceFacts, type AdherenceFacts } from '@shared/evaluations/adherence'
import type { CallContext, CallContextQuery } from '@shared/evaluations/evaluation-api'
import type { Disposition } from '@shared/domain/disposition'
import type { Interaction, InteractionMonitors } from '@shared/domain/interaction'
import { parseScript } from '@shared/scripts/script-source'
import type { AccessClaims } from '../auth/access-tokens'
import { complaintOf, type ComplaintRow } from '../complaints/complaint-transition'
import { readCustomer } from '../customers/customer-store'
import type { Queryable } from '../db/db'
import { HttpAppError } from '../http/app-error'
import { callFacts, type DispositionRow, type InteractionRow, type RunRow } from './call-facts'

function interactionOf(row: InteractionRow): Interaction {
  return {
    id: row.id,
    callId: row.call_id,
    direction: row.direction,
    remoteNumber: row.remote_number,
    remoteE164: row.remote_e164,
    customerId: row.customer_id,
    ringAt: row.ring_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    endedAt: row.ended_at.toISOString(),
    holdSeconds: row.hold_seconds,
    result: row.result,
    endedBy: row.ended_by,
    party: row.party,
    ...(row.monitored_by === null ? {} : { monitoredBy: row.monitored_by as InteractionMonitors }),
    agentId: row.agent_id,
    teamId: row.team_id,
    receivedAt: row.received_at.toISOString()
  }
}

function dispositionOf(row: DispositionRow): Disposition {
  return {
    id: row.id,
    callId: row.call_id,
    interactionId: row.interaction_id,
    practice: row.practice,
    code: row.code,
    note: row.note,
    customerId: row.customer_id,
    recordedAt: row.recorded_at.toISOString(),
    agentId: row.agent_id,
    teamId: row.team_id,
    receivedAt: row.received_at.toISOString()
  }
}

async function runFacts(
  db: Queryable,
  run: RunRow,
  language: 'es' | 'en'
): Promise<AdherenceFacts> {
  const versions = await db.query<{ source: string }>(
    'SELECT source FROM scripts WHERE script_id = $1 AND version = $2',
    [run.script_id, run.script_version]
  )
  const source = versions[0]?.source
  const parsed = source === undefined ? null : parseScript(source)
  const script = parsed?.ok === true ? parsed.script : null
  return adherenceFacts(
    {
      id: run.id,
      scriptId: run.script_id,
      scriptVersion: run.script_version,
      status: run.status,
      outcome: run.outcome,
      abandonReason: run.abandon_reason,
      steps: run.steps,
      confirmations: run.confirmations
    },
    script,
    language
  )
}

function mayRead(
  claims: AccessClaims,
  agent: { id: string; team_id: string | null },
  practice: boolean
): boolean {
  if (claims.role === 'admin' || claims.userId === agent.id) return true
  if (claims.role === 'trainer') return practice
  return (
    claims.role === 'team_lead' &&
    !practice &&
    agent.team_id !== null &&
    agent.team_id === claims.teamId
  )
}

export async function callContext(
  db: Queryable,
  claims: AccessClaims,
  query: CallContextQuery
): Promise<CallContext> {
  const agents = await db.query<{ id: string; display_name: string; team_id: string | null }>(
    'SELECT id, display_name, team_id FROM users WHERE id = $1',
    [query.agentId]
  )
  const agent = agents[0]
  if (!agent) throw new HttpAppError('not_found', 'No such agent')
  const facts = await callFacts(db, agent.id, query.callId)
  const practice = facts.practice ?? claims.role === 'trainer'
  if (!mayRead(claims, agent, practice)) {
    throw new HttpAppError(
      'forbidden',
      practice
        ? 'Practice calls are read by trainers, admins and the agent'
        : 'Only a lead of the agent’s team, an admin or the agent reads this call'
    )
  }
  const complaints = await db.query<ComplaintRow>(
    `SELECT * FROM complaints WHERE agent_id = $1 AND call_id = $2 AND practice = $3
     ORDER BY created_at`,
    [agent.id, query.callId, practice]
  )
  return {
    agent: { id: agent.id, name: agent.display_name, teamId: agent.team_id },
    callId: query.callId,
    practice,
    interaction: facts.interaction && interactionOf(facts.interaction),
    customer: facts.customerId === null ? null : await readCustomer(db, facts.customerId),
    run: facts.run && (await runFacts(db, facts.run, query.language)),
    complaints: complaints.map(complaintOf),
    disposition: facts.disposition && dispositionOf(facts.disposition)
  }
}
