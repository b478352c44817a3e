/**
 * Push: applies a client's outbox in order and records `(clientId, mutationId)` with its result,
 * so a re-sent mutation is applied exactly once. Pushes are group-committed (see push-batch);
 * the one-mutation-per-transaction path here is the fallback when a batch fails.
 */
import type { MutationResult, PushRequest, PushResponse } from '../../shared/sync/protocol'
import type { AccessClaims } from '../auth/access-tokens'
import { UNIQUE_VIOLATION, sqlStateOf, type Db } from '../db/db'
import { applyValidated, replayed, resultOf, type RawMutation } from './apply-mutation'
import { CHANGES_CHANNEL, appendChanges, headCursor, pokeKeysOf, pokePayload } from './change-log'
import { pullTailFor } from './pull'
import { changesOf } from './mutations/mutation-outcome'
import { PushBatcher } from './push-batcher'

/** Races between duplicate pushes end in a unique violation; the retry then sees the winner. */
const MAX_ATTEMPTS = 3

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
    const changes = changesOf(outcome)
    if (changes.length > 0) await appendChanges(tx, changes)
    return { result, teams: pokeKeysOf(changes) }
  })
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
 * Applies a validated push envelope, one mutation per transaction, and notifies every instance
 * when something changed.
 *
 * @remarks Mutations run strictly in order; a rejection does not stop the ones after it, since
 * each carries its own reason back to the user.
 */
export async function pushEachAlone(
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

const batchers = new WeakMap<Db, PushBatcher>()

/**
 * Applies a validated push envelope: queued with the pushes arriving at the same moment and
 * committed with them (one batcher per database handle, so per server instance).
 */
export async function pushMutations(
  db: Db,
  claims: AccessClaims,
  request: PushRequest
): Promise<PushResponse> {
  let batcher = batchers.get(db)
  if (!batcher) {
    const tail = pullTailFor(db)
    batcher = new PushBatcher(db, {
      alone: (pending) => pushEachAlone(db, pending.claims, pending.request),
      onCommitted: (logged) => {
        tail.appendCommitted(logged)
      }
    })
    batchers.set(db, batcher)
  }
  const response = await batcher.push(claims, request)
  // The pull that follows a push must see it, even before this instance's NOTIFY arrives.
  pullTailFor(db).committed(response.cursor)
  return response
}
