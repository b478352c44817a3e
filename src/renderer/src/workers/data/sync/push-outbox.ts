/**
 * Pushing the outbox, oldest first, in batches sized in count and bytes.
 *
 * @remarks
 * When the server answers a batch of several with a failure (a 500, a 4xx other than
 * 401/408/426/429), the client cannot tell which mutation caused it: the batch goes again one
 * mutation at a time, oldest first, until the one at fault fails alone. A mutation failed alone
 * with 400 or 413 is bad input: rejected at once with the server's reason (fix/discard like every
 * rejection). Any other failure answer counts an attempt; after `MAX_PUSH_ATTEMPTS` it is stuck
 * and the outbox goes on without it (see outbox-batch.ts). Outages (no answer, 502/503/504,
 * 408, 429) count nothing and end the push: the engine's backoff retries.
 */
import type { SyncEntity } from '@shared/contract/worker'
import type { CompensationStatus } from '@shared/domain/compensation-record'
import {
  MAX_MUTATIONS_PER_PUSH,
  MAX_PUSH_BYTES,
  type Mutation,
  type PushResponse
} from '@shared/sync/protocol'
import { appError } from '@shared/contract/errors'

import type { ConflictedMutation, RejectedMutation } from './push-answers'
import { createLogger } from '../runtime/logger'
import type { AuthedRequests, CycleFailure, SyncStore } from './cycle'
import { isServerRefusal } from './http'

const log = createLogger('push-outbox')

/** Statuses that mean the mutation itself is bad input: retrying it cannot help. */
const BAD_INPUT_STATUSES: ReadonlySet<number> = new Set([400, 413])

/** Why a push stopped; after a counted attempt the pull still runs (the server is there). */
export interface PushStop {
  failure: CycleFailure
  pullAnyway: boolean
}

type Refusal = Extract<CycleFailure, { kind: 'retryable' | 'fatal' }>

/** Pushes every pending mutation it can; null when nothing is left to push. */
export async function pushAll(
  store: SyncStore,
  requests: AuthedRequests,
  entities: Set<SyncEntity>
): Promise<PushStop | null> {
  const rejectedBefore = store.outboxCounts().rejected
  try {
    for (;;) {
      const batch = store.pendingMutations(MAX_MUTATIONS_PER_PUSH, MAX_PUSH_BYTES)
      if (batch.length === 0) return null
      const stop = await pushBatch(store, requests, batch, entities)
      if (stop) return stop
    }
  } finally {
    // Rejections (from the server, or of entries this build could not read) change the rows.
    if (store.outboxCounts().rejected !== rejectedBefore) entities.add('complaint')
  }
}

async function pushBatch(
  store: SyncStore,
  requests: AuthedRequests,
  batch: readonly Mutation[],
  entities: Set<SyncEntity>
): Promise<PushStop | null> {
  const outcome = await requests.push([...batch], store.clientId)
  if (outcome.kind === 'ok') return recordResults(store, batch, outcome.data, entities)
  if (!isRefusal(outcome)) return { failure: outcome, pullAnyway: false }
  const [only] = batch
  if (batch.length === 1 && only !== undefined) return settleAlone(store, only, outcome)
  return pushSingly(store, requests, batch, entities)
}

function isRefusal(outcome: CycleFailure): outcome is Refusal {
  return isServerRefusal(outcome)
}

/** The batch again, one at a time, until the mutation at fault fails alone. */
async function pushSingly(
  store: SyncStore,
  requests: AuthedRequests,
  batch: readonly Mutation[],
  entities: Set<SyncEntity>
): Promise<PushStop | null> {
  for (const mutation of batch) {
    const outcome = await requests.push([mutation], store.clientId)
    if (outcome.kind === 'ok') {
      const stop = recordResults(store, [mutation], outcome.data, entities)
      if (stop) return stop
      continue
    }
    if (!isRefusal(outcome)) return { failure: outcome, pullAnyway: false }
    return settleAlone(store, mutation, outcome)
  }
  return null
}

/** One mutation the server failed on its own: rejected when bad input, else an attempt. */
function settleAlone(store: SyncStore, mutation: Mutation, refusal: Refusal): PushStop | null {
  if (refusal.status !== undefined && BAD_INPUT_STATUSES.has(refusal.status)) {
    store.applyPushResults([], [{ mutation, reason: refusal.error }])
    return null
  }
  if (store.recordFailedAttempt(mutation, refusal.error)) {
    log.warn('a mutation is stuck; the ones behind it go on', {
      id: mutation.id,
      name: mutation.name,
      reason: refusal.error
    })
    return null
  }
  return { failure: refusal, pullAnyway: true }
}

/** Records the server's result for each mutation of `batch`. */
function recordResults(
  store: SyncStore,
  batch: readonly Mutation[],
  response: PushResponse,
  entities: Set<SyncEntity>
): PushStop | null {
  const results = new Map(response.results.map((r) => [r.id, r]))
  const applied: Mutation[] = []
  const rejected: RejectedMutation[] = []
  const compensations = new Map<string, CompensationStatus>()
  const conflicted: ConflictedMutation[] = []
  for (const mutation of batch) {
    const result = results.get(mutation.id)
    if (result?.status === 'applied') {
      applied.push(mutation)
      if (result.compensation) compensations.set(mutation.id, result.compensation)
    } else if (result?.status === 'rejected') rejected.push({ mutation, reason: result.reason })
    else if (result?.status === 'conflict' && mutation.name === 'complaint.update') {
      conflicted.push({ mutation, conflicts: result.conflicts })
    }
  }
  if (applied.length + rejected.length + conflicted.length === 0) {
    const error = appError(
      'internal',
      'the server answered a push without results for its mutations'
    )
    return { failure: { kind: 'fatal', error }, pullAnyway: false }
  }
  store.applyPushResults(applied, rejected, compensations, conflicted)
  entities.add('complaint')
  if (compensations.size > 0) entities.add('compensation')
  return null
}
