/**
 * One sync pass: push the outbox in order, in batches (push-outbox.ts), then pull until the
 * server has nothing more. Failures come back as outcomes; the engine decides whether to retry,
 * refresh or stop. A push that failed on one mutation's account still lets the pull run.
 */
import { PURGED_ENTITIES } from '@shared/practice/practice-purge'
import { appError, type AppError } from '@shared/contract/errors'
import type { SyncEntity } from '@shared/contract/worker'
import type { CompensationStatus } from '@shared/domain/compensation-record'
import type { Change, Mutation, PushResponse } from '@shared/sync/protocol'

import { ndjsonLines, type StreamLine } from './bulk-stream'
import type { BulkLoadReport } from '../store/bulk-load'
import type { ConflictedMutation, RejectedMutation } from './push-answers'
import { createLogger } from '../runtime/logger'
import type { StuckSummary } from './outbox-attempts'
import type { PullPage } from './pull-page'
import { pushAll } from './push-outbox'
import type { HttpOutcome } from './http'

const log = createLogger('sync-cycle')

/** The slice of the local store that sync needs. */
export interface SyncStore {
  readonly clientId: string
  readonly cursor: number
  /** The cache has never been loaded: the next pass starts with a bulk pull. */
  readonly needsInitialLoad: boolean
  /** The next push, at most `limit` mutations and about `maxBytes` of JSON (one at least). */
  pendingMutations(limit: number, maxBytes: number): Mutation[]
  /** The server failed `mutation` alone (not an outage); true when that made it stuck. */
  recordFailedAttempt(mutation: Mutation, reason: AppError): boolean
  stuckSummary(): StuckSummary
  /** Puts stuck mutations back in the queue with a fresh count; answers how many. */
  releaseStuck(): number
  applyPushResults(
    applied: readonly Mutation[],
    rejected: readonly RejectedMutation[],
    compensations?: ReadonlyMap<string, CompensationStatus>,
    conflicted?: readonly ConflictedMutation[]
  ): void
  applyPull(changes: readonly Change[], cursor: number): void
  /** The initial load from a bulk pull stream, all or nothing. */
  applyBulk(batches: AsyncIterable<readonly StreamLine[]>): Promise<BulkLoadReport>
  outboxCounts(): { pending: number; rejected: number }
  /** The last successful sync the cache reflects, kept across restarts. */
  readonly lastSyncedAt: string | null
  /** Remembers a successful pass durably. */
  recordSynced(at: string): Promise<void>
}

/** Requests made with a valid access token (the engine refreshes it on a 401). */
export interface AuthedRequests {
  push(mutations: Mutation[], clientId: string): Promise<HttpOutcome<PushResponse>>
  pull(cursor: number, limit: number): Promise<HttpOutcome<PullPage>>
  bulkPull(cursor: number): Promise<HttpOutcome<ReadableStream<Uint8Array>>>
}

export type CycleFailure = Exclude<HttpOutcome<unknown>, { kind: 'ok' }>
export type CycleResult =
  { kind: 'ok'; entities: Set<SyncEntity> } | (CycleFailure & { entities: Set<SyncEntity> })

/**
 * A cache that never synced loads everything in one stream (see src/shared/sync/bulk-pull.ts);
 * the paged pull then brings what changed meanwhile. A stream cut off leaves the store as it was.
 */
async function bulkLoad(
  store: SyncStore,
  requests: AuthedRequests,
  entities: Set<SyncEntity>
): Promise<CycleFailure | null> {
  const outcome = await requests.bulkPull(store.cursor)
  if (outcome.kind !== 'ok') return outcome
  try {
    const report = await store.applyBulk(ndjsonLines(outcome.data))
    for (const entity of report.entities) entities.add(entity)
    return null
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { kind: 'retryable', error: appError('unavailable', `initial load failed: ${message}`) }
  }
}

/** Pulls page after page until `hasMore` is false; each page commits with its cursor. */
async function pullAll(
  store: SyncStore,
  requests: AuthedRequests,
  limit: number,
  entities: Set<SyncEntity>
): Promise<CycleFailure | null> {
  let cursor = store.cursor
  for (;;) {
    const outcome = await requests.pull(cursor, limit)
    if (outcome.kind !== 'ok') return outcome
    const page = outcome.data
    if (page.skipped.length > 0) {
      // Never fatal: the rest of the page is applied and the cursor moves past these.
      log.warn(`skipped ${page.skipped.length} pulled change(s) this build cannot read`, {
        skipped: page.skipped
      })
    }
    store.applyPull(page.changes, page.cursor)
    for (const change of page.changes) {
      entities.add(change.entity)
      // A purge removes rows of other entities: their lists read again.
      if (change.entity === 'practice_purge') for (const e of PURGED_ENTITIES) entities.add(e)
    }
    // A page that does not move the cursor would loop forever; the next poke resumes.
    if (!page.hasMore || page.cursor <= cursor) return null
    cursor = page.cursor
  }
}

/** Push then pull (the case numbers of what was just pushed arrive in the pull). */
export async function runSyncCycle(
  store: SyncStore,
  requests: AuthedRequests,
  pullLimit: number
): Promise<CycleResult> {
  const entities = new Set<SyncEntity>()
  const pushStop = await pushAll(store, requests, entities)
  if (pushStop && !pushStop.pullAnyway) return { ...pushStop.failure, entities }
  if (store.needsInitialLoad) {
    const bulkFailure = await bulkLoad(store, requests, entities)
    if (bulkFailure) return { ...bulkFailure, entities }
  }
  const pullFailure = await pullAll(store, requests, pullLimit, entities)
  if (pullFailure) return { ...pullFailure, entities }
  // The failed mutation still fails the pass, so the engine backs off before trying it again.
  if (pushStop) return { ...pushStop.failure, entities }
  return { kind: 'ok', entities }
}
