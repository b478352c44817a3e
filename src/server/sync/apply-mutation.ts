/**
 * Applying one validated mutation inside a transaction, and the result the client gets for it.
 * Shared by group-committed batches and by the one-mutation-per-transaction fallback.
 */
import type { z } from 'zod'

import {
  mutationResultSchema,
  mutationSchema,
  type Mutation,
  type MutationResult,
  type PushRequest
} from '@shared/sync/protocol'
import { runHandler } from '@shared/tables/handler-table'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { mutationHandlers } from '../mutation-handlers'
import { rejected, type MutationOutcome } from './mutation-outcome'
import { cleanLine } from '@shared/text/unsafe-text'

export type RawMutation = PushRequest['mutations'][number]

/** The schema's findings, made safe to store: they may quote a hostile key of the input. */
function issuesOf(error: z.ZodError): { path: string; message: string; code: string }[] {
  return error.issues.map((i) => ({
    path: cleanLine(i.path.join('.')),
    message: cleanLine(i.message),
    code: i.code
  }))
}

/** The mutation's name as stored with its result: the client's text, made safe to store. */
export function storedName(raw: RawMutation): string {
  return cleanLine(raw.name)
}

/** Routes a validated mutation to its handler. */
export function dispatch(
  tx: Queryable,
  claims: AccessClaims,
  mutation: Mutation
): Promise<MutationOutcome> {
  return runHandler(mutationHandlers, 'name', { tx, claims }, mutation)
}

/** A pushed mutation checked against its schema: valid, or already the rejection to answer. */
export function parseMutation(
  raw: RawMutation
): { kind: 'valid'; mutation: Mutation } | { kind: 'invalid'; outcome: MutationOutcome } {
  const parsed = mutationSchema.safeParse(raw)
  if (parsed.success) return { kind: 'valid', mutation: parsed.data }
  return {
    kind: 'invalid',
    outcome: rejected(
      'invalid_argument',
      `Mutation ${storedName(raw)} is invalid`,
      issuesOf(parsed.error)
    )
  }
}

export async function applyValidated(
  tx: Queryable,
  claims: AccessClaims,
  raw: RawMutation
): Promise<MutationOutcome> {
  const parsed = parseMutation(raw)
  return parsed.kind === 'valid' ? dispatch(tx, claims, parsed.mutation) : parsed.outcome
}

export function resultOf(id: string, outcome: MutationOutcome): MutationResult {
  if (outcome.status === 'rejected') return { id, status: 'rejected', reason: outcome.reason }
  if (outcome.status === 'conflict') {
    return {
      id,
      status: 'conflict',
      complaintId: outcome.complaintId,
      conflicts: outcome.conflicts
    }
  }
  return outcome.compensation === undefined
    ? { id, status: 'applied' }
    : { id, status: 'applied', compensation: outcome.compensation }
}

export function replayed(
  previous: { user_id: string; result: unknown },
  claims: AccessClaims,
  id: string
): MutationResult {
  if (previous.user_id !== claims.userId) {
    return resultOf(id, rejected('forbidden', 'This mutation id was recorded for another user'))
  }
  const parsed = mutationResultSchema.safeParse(previous.result)
  if (!parsed.success) throw new Error(`Stored result of mutation ${id} is unreadable`)
  return parsed.data
}
