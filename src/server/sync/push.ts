/**
 * Push: applies a client's outbox in order and records `(clientId, mutationId)` with its result,
 * so a re-sent mutation is applied exactly once. Pushes are group-committed (see push-group);
 * the one-mutation-per-transaction path here (see apply-alone) is the fallback when a group
 * cannot be committed.
 */
import type { MutationResult, PushRequest, PushResponse } from '@shared/sync/protocol'
import type { AccessClaims } from '../auth/access-tokens'
import type { Db } from '../db/db'
import { applyAlone } from './apply-alone'
import { CHANGES_CHANNEL, headCursor, pokePayload } from './change-log'
import { pullTailFor } from './pull'
import { PushBatcher } from './push-batcher'
import { pushFaultsFor, type PushFaultSettings } from './push-faults'

/**
 * Applies a validated push envelope, one mutation per transaction, and notifies every instance
 * when something changed.
 *
 * @remarks Mutations run strictly in order; a rejection does not stop the ones after it, since
 * each carries its own reason back to the user. An infrastructure fault stops the push there
 * (thrown: a 503); what was applied before it is stored, and a re-send is answered from that.
 */
export async function pushEachAlone(
  db: Db,
  claims: AccessClaims,
  request: PushRequest,
  settings: PushFaultSettings = pushFaultsFor(db)
): Promise<PushResponse> {
  const results: MutationResult[] = []
  const teams = new Set<string | null>()
  for (const raw of request.mutations) {
    const applied = await applyAlone(db, claims, request.clientId, raw, settings)
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
