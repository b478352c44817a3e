/**
 * The evaluation commands through the data worker: journaled first (offline too), then synced;
 * the server re-scores and may still refuse. Each takes the client so the tests can hand in a
 * fake, and answers the evaluation or the error's message for the person (a null message: no
 * worker is running, which the view words itself).
 */
import type { Result } from '@shared/contract/result'
import type { LocalEvaluation } from '@shared/contract/worker'
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import type { EvaluationSaveInput, ResolveDecision } from '@shared/evaluations/evaluation'
import type { DataClient } from '@renderer/data/worker-client'

export type EvaluationClient = Pick<DataClient, 'send'>

export type CommandResult<T> = { ok: true; data: T } | { ok: false; message: string | null }

const noWorker = { ok: false, message: null } as const

function evaluationOf(
  result: Result<{ evaluation: LocalEvaluation }>
): CommandResult<LocalEvaluation> {
  return result.ok
    ? { ok: true, data: result.data.evaluation }
    : { ok: false, message: result.error.message }
}

export async function saveEvaluation(
  client: EvaluationClient | null,
  input: EvaluationSaveInput
): Promise<CommandResult<LocalEvaluation>> {
  return client ? evaluationOf(await client.send('evaluation:save', input)) : noWorker
}

/**
 * Saves the answers as they are on screen, then releases (a calibration one is submitted): the
 * release must carry exactly what the evaluator sees, never an older autosave.
 */
export async function releaseEvaluation(
  client: EvaluationClient | null,
  input: EvaluationSaveInput
): Promise<CommandResult<LocalEvaluation>> {
  const saved = await saveEvaluation(client, input)
  if (!saved.ok || client === null) return saved
  return evaluationOf(await client.send('evaluation:release', { id: saved.data.id }))
}

export async function acknowledgeEvaluation(
  client: EvaluationClient | null,
  id: string
): Promise<CommandResult<LocalEvaluation>> {
  return client ? evaluationOf(await client.send('evaluation:acknowledge', { id })) : noWorker
}

export async function disputeEvaluation(
  client: EvaluationClient | null,
  id: string,
  comment: string
): Promise<CommandResult<LocalEvaluation>> {
  return client
    ? evaluationOf(await client.send('evaluation:dispute', { id, comment: comment.trim() }))
    : noWorker
}

/** Keeps the score (no answers) or re-scores with the new, complete answers. */
export async function resolveDispute(
  client: EvaluationClient | null,
  args: {
    id: string
    decision: ResolveDecision
    reason: string
    answers: EvaluationAnswer[] | null
  }
): Promise<CommandResult<LocalEvaluation>> {
  if (!client) return noWorker
  const answers = args.decision === 'rescored' ? args.answers : null
  return evaluationOf(
    await client.send('evaluation:resolve', { ...args, reason: args.reason.trim(), answers })
  )
}
