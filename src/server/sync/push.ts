/**
 * Push: applies each mutation of a client's outbox in order, each in its own transaction, and
 * records `(clientId, mutationId)` with its result so a re-sent mutation is applied exactly once.
 */
import type { z } from 'zod'

import {
  mutationSchema,
  type Mutation,
  type MutationResult,
  type PushRequest,
  type PushResponse
} from '../../shared/sync/protocol'
import { mutationResultSchema } from '../../shared/sync/protocol'
import type { AccessClaims } from '../auth/access-tokens'
import { UNIQUE_VIOLATION, sqlStateOf, type Db, type Queryable } from '../db/db'
import { CHANGES_CHANNEL, appendChanges, headCursor, pokePayload } from './change-log'
import { applyComplaintCreate } from './mutations/complaint-create'
import { applyCustomerCreate } from './mutations/customer-create'
import { applyInteractionRecord } from './mutations/interaction-record'
import { rejected, type MutationOutcome } from './mutations/mutation-outcome'

type RawMutation = PushRequest['mutations'][number]

/** Races between duplicate pushes end in a unique violation; the retry then sees the winner. */
const MAX_ATTEMPTS = 3

function issuesOf(error: z.ZodError): { path: string; message: string; code: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }))
}

/** Routes a validated mutation to its handler; a new mutation name fails to compile here. */
function dispatch(
  tx: Queryable,
  claims: AccessClaims,
  mutation: Mutation
): Promise<MutationOutcome> {
  switch (mutation.name) {
    case 'complaint.create':
      return applyComplaintCreate(tx, claims, mutation.args)
    case 'customer.create':
      return applyCustomerCreate(tx, claims, mutation.args)
    case 'interaction.record':
      return applyInteractionRecord(tx, claims, mutation.args)
  }
}

async function applyValidated(
  tx: Queryable,
  claims: AccessClaims,
  raw: RawMutation
): Promise<MutationOutcome> {
  const parsed = mutationSchema.safeParse(raw)
  if (!parsed.success) {
    return rejected('invalid_argument', `Mutation ${raw.name} is invalid`, issuesOf(parsed.error))
  }
  return dispatch(tx, claims, parsed.data)
}

function resultOf(id: string, outcome: MutationOutcome): MutationResult {
  return outcome.status === 'applied'
    ? { id, status: 'applied' }
    : { id, status: 'rejected', reason: outcome.reason }
}

interface Applied {
  result: MutationResult
  /** Teams whose rows this mutation changed (null: shared rows); empty when nothing changed. */
  teams: (string | null)[]
}

async function applyOnce(
  db: Db,
  claims: AccessClaims,
  clientId: string,
  raw: RawMutation
): Promise<Applied> {
  return db.transaction(async (tx) => {
    const stored = await tx.query<{ user_id: string; result: unknown }>(
      'SELECT user_id, result FROM applied_mutations WHERE client_id = $1 AND mutation_id = $2',
      [clientId, raw.id]
    )
    const previous = stored[0]
    if (previous) return { result: replayed(previous, claims, raw.id), teams: [] }
    const outcome = await applyValidated(tx, claims, raw)
    const result = resultOf(raw.id, outcome)
    await tx.query(
      `INSERT INTO applied_mutations (client_id, mutation_id, user_id, name, result)
       VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [clientId, raw.id, claims.userId, raw.name, JSON.stringify(result)]
    )
    const changes = outcome.status === 'applied' ? outcome.changes : []
    if (changes.length > 0) await appendChanges(tx, changes)
    return { result, teams: changes.map((c) => c.teamId) }
  })
}

function replayed(
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

async function applyWithRetry(
  db: Db,
  claims: AccessClaims,
  clientId: string,
  raw: RawMutation
): Promise<Applied> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyOnce(db, claims, clientId, raw)
    } catch (error) {
      if (sqlStateOf(error) !== UNIQUE_VIOLATION || attempt >= MAX_ATTEMPTS) throw error
    }
  }
}

/**
 * Applies a validated push envelope and notifies every instance when something changed.
 *
 * @remarks Mutations run strictly in order; a rejection does not stop the ones after it, since
 * each carries its own reason back to the user.
 */
export async function pushMutations(
  db: Db,
  claims: AccessClaims,
  request: PushRequest
): Promise<PushResponse> {
  const results: MutationResult[] = []
  const teams = new Set<string | null>()
  for (const raw of request.mutations) {
    const applied = await applyWithRetry(db, claims, request.clientId, raw)
    results.push(applied.result)
    for (const team of applied.teams) teams.add(team)
  }
  const cursor = await headCursor(db)
  if (teams.size > 0) await db.notify(CHANGES_CHANNEL, pokePayload({ cursor, teams: [...teams] }))
  return { results, cursor }
}
