/**
 * Scores a practice session on the server, from the records its call left here: the script run
 * of the scenario's script, the complaints filed on the call, their compensations and the
 * disposition, against the scenario version the desk said it played (and that version's
 * script). The same `scorePractice` the desk showed the trainee, so both agree on the same
 * records; the server's is the one kept.
 */
import { z } from 'zod'

import { compensationStatuses } from '@shared/domain/compensation-record'
import { compensationTypes } from '@shared/domain/configuration'
import { qualityDimensions } from '@shared/domain/quality-dimensions'
import { scriptRunStepSchema } from '@shared/domain/script-run'
import {
  recordedPracticeFacts,
  scenarioSchema,
  scorePractice,
  type PracticeReport,
  type RecordedPracticeRun
} from '@shared/practice'
import type { Queryable } from '../db/db'
import { resolveScript } from './scenario-scripts'

export interface SessionCall {
  traineeId: string
  callId: string
  scenarioId: string
  scenarioVersion: number
}

export interface ScoredPractice {
  report: PracticeReport
  scriptId: string
  scriptVersion: number
}

/** Rows are read through schemas: a stored value the scoring cannot use is left out, not cast. */
const runRowSchema = z.object({
  status: z.enum(['closed', 'abandoned']),
  outcome: z.string().nullable(),
  steps: z.array(scriptRunStepSchema),
  confirmations: z.array(z.object({ nodeId: z.string(), at: z.string() }))
})
const complaintRowSchema = z.object({
  id: z.string(),
  call_id: z.string().nullable(),
  category: z.string(),
  quality_dimension: z.enum(qualityDimensions).nullable().catch(null),
  created_at: z.date()
})
const compensationRowSchema = z.object({
  complaint_id: z.string(),
  status: z.enum(compensationStatuses),
  amount: z.number(),
  currency: z.string(),
  type: z.enum(compensationTypes),
  requested_at: z.date()
})

async function scenarioOf(tx: Queryable, call: SessionCall) {
  const rows = await tx.query<{ scenario: unknown }>(
    'SELECT scenario FROM practice_scenarios WHERE scenario_id = $1 AND version = $2',
    [call.scenarioId, call.scenarioVersion]
  )
  const parsed = scenarioSchema.safeParse(rows[0]?.scenario)
  return parsed.success ? parsed.data : null
}

async function runOf(
  tx: Queryable,
  call: SessionCall,
  scriptId: string
): Promise<RecordedPracticeRun | null> {
  // A run of another script (the trainee switched) is not the scenario's: nothing followed it.
  const rows = await tx.query<Record<string, unknown>>(
    `SELECT status, outcome, steps, confirmations FROM script_runs
     WHERE agent_id = $1 AND call_id = $2 AND practice AND script_id = $3
     ORDER BY ended_at DESC LIMIT 1`,
    [call.traineeId, call.callId, scriptId]
  )
  const parsed = runRowSchema.safeParse(rows[0])
  return parsed.success ? parsed.data : null
}

async function callRecords(tx: Queryable, call: SessionCall) {
  const complaintRows = await tx.query<Record<string, unknown>>(
    `SELECT id, call_id, category, quality_dimension, created_at FROM complaints
     WHERE agent_id = $1 AND call_id = $2 AND practice`,
    [call.traineeId, call.callId]
  )
  const complaints = complaintRows.flatMap((row) => {
    const parsed = complaintRowSchema.safeParse(row)
    if (!parsed.success) return []
    const c = parsed.data
    return [
      {
        id: c.id,
        callId: c.call_id,
        category: c.category,
        qualityDimension: c.quality_dimension,
        createdAt: c.created_at.toISOString()
      }
    ]
  })
  const compensationRows =
    complaints.length === 0
      ? []
      : await tx.query<Record<string, unknown>>(
          `SELECT complaint_id, status, amount::float8 AS amount, currency, type, requested_at
           FROM compensations WHERE complaint_id = ANY($1::uuid[]) AND practice`,
          [`{${complaints.map((c) => c.id).join(',')}}`]
        )
  const compensations = compensationRows.flatMap((row) => {
    const parsed = compensationRowSchema.safeParse(row)
    if (!parsed.success) return []
    const c = parsed.data
    return [
      {
        complaintId: c.complaint_id,
        status: c.status,
        amount: c.amount,
        currency: c.currency,
        type: c.type,
        requestedAt: c.requested_at.toISOString()
      }
    ]
  })
  const dispositions = await tx.query<{ code: string }>(
    'SELECT code FROM dispositions WHERE agent_id = $1 AND call_id = $2 AND practice',
    [call.traineeId, call.callId]
  )
  return { complaints, compensations, disposition: dispositions[0]?.code ?? null }
}

/** The session's score from what the server holds now; null when its scenario or script is gone. */
export async function scoreSessionCall(
  tx: Queryable,
  call: SessionCall
): Promise<ScoredPractice | null> {
  const scenario = await scenarioOf(tx, call)
  if (!scenario) return null
  const script = await resolveScript(tx, scenario.script.id, scenario.script.version)
  if (!script) return null
  const facts = recordedPracticeFacts({
    callId: call.callId,
    run: await runOf(tx, call, script.id),
    ...(await callRecords(tx, call))
  })
  return {
    report: scorePractice(scenario, facts, script),
    scriptId: script.id,
    scriptVersion: script.version
  }
}
