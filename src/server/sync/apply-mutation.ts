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
import { runHandler, type HandlerTable } from '@shared/tables/handler-table'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import { applyAgentStateRecord } from '../agent-state/agent-state-record'
import { applyCallbackComplete } from '../callbacks/callback-complete'
import { applyCallbackSchedule } from '../callbacks/callback-schedule'
import { applyCompensationDecide } from '../compensation/compensation-decide'
import { applyCompensationGrant } from '../compensation/compensation-grant'
import { applyComplaintCreate } from '../complaints/complaint-create'
import { applyComplaintNote } from '../complaints/complaint-note'
import { applyComplaintAssign, applyComplaintEscalate } from '../complaints/complaint-ownership'
import { applyComplaintTransition } from '../complaints/complaint-transition'
import { applyComplaintUpdate } from '../complaints/complaint-update'
import { applyCustomerCreate } from '../customers/customer-create'
import { applyDispositionRecord } from '../dispositions/disposition-record'
import { applyInteractionRecord } from '../interactions/interaction-record'
import { rejected, type MutationOutcome } from './mutation-outcome'
import { applyScriptRunRecord } from '../scripts/script-run-record'
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

interface ApplyContext {
  tx: Queryable
  claims: AccessClaims
}

/** Every mutation's handler: a mutation added to the protocol without one fails to compile. */
const handlers: HandlerTable<Mutation, 'name', ApplyContext, Promise<MutationOutcome>> = {
  'complaint.create': ({ tx, claims }, m) => applyComplaintCreate(tx, claims, m.args),
  'complaint.transition': ({ tx, claims }, m) => applyComplaintTransition(tx, claims, m.args),
  'complaint.note': ({ tx, claims }, m) => applyComplaintNote(tx, claims, m.args),
  'complaint.escalate': ({ tx, claims }, m) => applyComplaintEscalate(tx, claims, m.args),
  'complaint.assign': ({ tx, claims }, m) => applyComplaintAssign(tx, claims, m.args),
  'complaint.update': ({ tx, claims }, m) => applyComplaintUpdate(tx, claims, m.args),
  'compensation.grant': ({ tx, claims }, m) => applyCompensationGrant(tx, claims, m.args),
  'compensation.decide': ({ tx, claims }, m) => applyCompensationDecide(tx, claims, m.args),
  'customer.create': ({ tx, claims }, m) => applyCustomerCreate(tx, claims, m.args),
  'interaction.record': ({ tx, claims }, m) => applyInteractionRecord(tx, claims, m.args),
  'agent_state.record': ({ tx, claims }, m) => applyAgentStateRecord(tx, claims, m.args),
  'script_run.record': ({ tx, claims }, m) => applyScriptRunRecord(tx, claims, m.args),
  'disposition.record': ({ tx, claims }, m) => applyDispositionRecord(tx, claims, m.args),
  'callback.schedule': ({ tx, claims }, m) => applyCallbackSchedule(tx, claims, m.args),
  'callback.complete': ({ tx, claims }, m) => applyCallbackComplete(tx, claims, m.args)
}

/** Routes a validated mutation to its handler. */
export function dispatch(
  tx: Queryable,
  claims: AccessClaims,
  mutation: Mutation
): Promise<MutationOutcome> {
  return runHandler(handlers, 'name', { tx, claims }, mutation)
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
