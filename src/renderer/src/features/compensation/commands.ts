import type { CompensationInput, LocalCompensation } from '@shared/contract/worker'
import type { CompensationDecision } from '@shared/domain/compensation-record'
import { dataClient } from '../../data/data-client'

export type CommandResult =
  { ok: true; compensation: LocalCompensation } | { ok: false; message: string }

/**
 * Grants a compensation: journaled in the worker (durable before this resolves), decided there
 * against the pulled limits, then decided again by the server when it syncs.
 */
export async function grantCompensation(input: CompensationInput): Promise<CommandResult> {
  const client = dataClient()
  if (!client) return { ok: false, message: 'no data worker' }
  const result = await client.send('compensation:grant', input)
  return result.ok
    ? { ok: true, compensation: result.data.compensation }
    : { ok: false, message: result.error.message }
}

/** A lead's decision on a pending request; the server checks who decides and whether. */
export async function decideCompensation(
  compensationId: string,
  decision: CompensationDecision,
  reason: string
): Promise<CommandResult> {
  const client = dataClient()
  if (!client) return { ok: false, message: 'no data worker' }
  const result = await client.send('compensation:decide', { compensationId, decision, reason })
  return result.ok
    ? { ok: true, compensation: result.data.compensation }
    : { ok: false, message: result.error.message }
}
