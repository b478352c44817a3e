/**
 * One mutation in a transaction of its own: the fallback of a batch that could not be committed,
 * and the path of a mutation that failed inside one.
 *
 * @remarks A mutation that throws here is answered with a stored `internal` rejection, so the
 * rest of its push is applied and a re-send gets the same answer. An infrastructure fault is
 * thrown instead (a 503): it says nothing about the mutation, and nothing is stored for it.
 */
import type { MutationResult } from '@shared/sync/protocol'
import type { AccessClaims } from '../auth/access-tokens'
import { UNIQUE_VIOLATION, sqlStateOf, type Db, type Queryable } from '../db/db'
import { faultKindOf, isRetryableFault } from '../db/fault-kind'
import { applyValidated, replayed, resultOf, storedName, type RawMutation } from './apply-mutation'
import { appendChanges, pokeKeysOf } from './change-log'
import { changesOf } from './mutation-outcome'
import {
  beforeApply,
  faultRejection,
  type PushFaultHooks,
  type PushFaultSettings
} from './push-faults'

/**
 * Races between duplicate pushes end in a unique violation, and concurrent transactions in a
 * serialization failure or a deadlock; the next attempt sees the winner.
 */
const MAX_ATTEMPTS = 3

export interface Applied {
  result: MutationResult
  /** Teams whose rows this mutation changed (null: shared rows); empty when nothing changed. */
  teams: (string | null)[]
}

interface StoredResult {
  user_id: string
  result: unknown
}

/** The result recorded for `(clientId, mutationId)`, when one is. */
async function storedResult(
  tx: Queryable,
  clientId: string,
  mutationId: string
): Promise<StoredResult | undefined> {
  const rows = await tx.query<StoredResult>(
    'SELECT user_id, result FROM applied_mutations WHERE client_id = $1 AND mutation_id = $2',
    [clientId, mutationId]
  )
  return rows[0]
}

async function applyOnce(
  db: Db,
  claims: AccessClaims,
  clientId: string,
  raw: RawMutation,
  hooks: PushFaultHooks | undefined
): Promise<Applied> {
  return db.transaction(async (tx) => {
    const previous = await storedResult(tx, clientId, raw.id)
    if (previous) return { result: replayed(previous, claims, raw.id), teams: [] }
    await beforeApply(hooks, raw, 'alone')
    const outcome = await applyValidated(tx, claims, raw)
    const result = resultOf(raw.id, outcome)
    await tx.query(
      `INSERT INTO applied_mutations (client_id, mutation_id, user_id, name, result)
       VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [clientId, raw.id, claims.userId, storedName(raw), JSON.stringify(result)]
    )
    const changes = changesOf(outcome)
    if (changes.length > 0) await appendChanges(tx, changes)
    return { result, teams: pokeKeysOf(changes) }
  })
}

function mayRetry(error: unknown): boolean {
  return sqlStateOf(error) === UNIQUE_VIOLATION || faultKindOf(error) === 'transient'
}

async function applyWithRetry(
  db: Db,
  claims: AccessClaims,
  clientId: string,
  raw: RawMutation,
  hooks: PushFaultHooks | undefined
): Promise<Applied> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyOnce(db, claims, clientId, raw, hooks)
    } catch (error) {
      if (!mayRetry(error) || attempt >= MAX_ATTEMPTS) throw error
    }
  }
}

/**
 * Stores the rejection of a mutation that failed alone, unless a racing copy stored a result
 * first (then that one is the answer).
 *
 * @remarks When even this insert fails for a reason of the request (the row it names cannot be
 * stored), the rejection is answered without being stored: a re-send fails and is answered alike.
 */
async function storeFault(
  db: Db,
  claims: AccessClaims,
  clientId: string,
  raw: RawMutation
): Promise<MutationResult> {
  const result = faultRejection(raw.id)
  try {
    const stored = await db.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO applied_mutations (client_id, mutation_id, user_id, name, result)
         VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (client_id, mutation_id) DO NOTHING
         RETURNING mutation_id`,
        [clientId, raw.id, claims.userId, storedName(raw), JSON.stringify(result)]
      )
      if (inserted.length > 0) return null
      return storedResult(tx, clientId, raw.id)
    })
    return stored ? replayed(stored, claims, raw.id) : result
  } catch (error) {
    if (isRetryableFault(error)) throw error
    return result
  }
}

/** Applies one mutation in its own transaction; its own failure becomes its rejection. */
export async function applyAlone(
  db: Db,
  claims: AccessClaims,
  clientId: string,
  raw: RawMutation,
  settings: PushFaultSettings
): Promise<Applied> {
  try {
    return await applyWithRetry(db, claims, clientId, raw, settings.hooks)
  } catch (error) {
    if (isRetryableFault(error)) throw error
    settings.report?.(error, raw)
    return { result: await storeFault(db, claims, clientId, raw), teams: [] }
  }
}
