/**
 * Commits one group of pushes (see push-batch) so that one mutation's failure stays that
 * mutation's: the group is rolled back and run again without it, the other clients' pushes stay
 * in the group, and the failed mutation (with the rest of its push, in order) is then applied
 * one mutation per transaction, where a second failure becomes its rejection.
 *
 * @remarks An infrastructure fault fails every push of the group (a 503, nothing stored); a
 * serialization failure, a deadlock or a duplicate committed alongside runs the group again. A
 * failure that names no mutation (the group's own statements, such as its idempotency records)
 * or a group that still fails after {@link MAX_RUNS} runs is split: each push is committed as a
 * group of its own, and a single push that fails so is applied one mutation per transaction.
 */
import type { PushResponse } from '@shared/sync/protocol'
import { UNIQUE_VIOLATION, sqlStateOf, type Db } from '../db/db'
import { faultKindOf } from '../db/fault-kind'
import type { LoggedChange } from './change-log'
import { applyPushBatch, type BatchOutcome, type BatchPlan, type PendingPush } from './push-batch'
import { ApplyFault, causeOf, type PushFaultHooks } from './push-faults'

/**
 * Runs of one group at most. A failing mutation costs one re-run, or two in a segment of
 * complaint creations (the segment, then its items one by one); past this, the group is not
 * worth holding together.
 */
export const MAX_RUNS = 5

export interface WaitingPush extends PendingPush {
  resolve: (response: PushResponse) => void
  reject: (error: unknown) => void
}

export interface GroupOptions {
  /** Applies one push one mutation per transaction. */
  alone: (pending: PendingPush) => Promise<PushResponse>
  onCommitted?: ((logged: readonly LoggedChange[]) => void) | undefined
  hooks?: PushFaultHooks | undefined
}

interface Plan extends BatchPlan {
  deferred: Set<string>
  single: Set<string>
}

type Next = 'run again' | 'unavailable' | 'split'

/** What a failed run means for the next one; records the culprits in `plan`. */
function nextAfter(error: unknown, plan: Plan): Next {
  const cause = causeOf(error)
  const kind = faultKindOf(cause)
  if (kind === 'infrastructure') return 'unavailable'
  if (kind === 'transient') return 'run again'
  if (!(error instanceof ApplyFault)) {
    // A group alongside committed the same idempotency record first: the next run replays it.
    return sqlStateOf(cause) === UNIQUE_VIOLATION ? 'run again' : 'split'
  }
  const [only] = error.keys
  if (error.keys.length === 1 && only !== undefined) plan.deferred.add(only)
  else for (const key of error.keys) plan.single.add(key)
  return 'run again'
}

async function settle(
  pending: WaitingPush,
  applied: PushResponse,
  options: GroupOptions
): Promise<void> {
  const done = applied.results.length
  const rest = pending.request.mutations.slice(done)
  if (rest.length === 0) {
    pending.resolve(applied)
    return
  }
  const tail: PendingPush = {
    claims: pending.claims,
    request: { ...pending.request, mutations: rest }
  }
  await options.alone(tail).then(
    (after) => {
      pending.resolve({
        results: [...applied.results, ...after.results],
        cursor: Math.max(applied.cursor, after.cursor)
      })
    },
    (error: unknown) => {
      pending.reject(error)
    }
  )
}

/** Answers the pushes the group applied whole first, then applies the deferred rests. */
async function answer(
  group: readonly WaitingPush[],
  responses: readonly PushResponse[],
  options: GroupOptions
): Promise<void> {
  const partial: { pending: WaitingPush; applied: PushResponse }[] = []
  group.forEach((pending, i) => {
    const applied = responses[i]
    if (!applied) pending.reject(new Error('push batch answered fewer pushes than it was given'))
    else if (applied.results.length < pending.request.mutations.length) {
      partial.push({ pending, applied })
    } else pending.resolve(applied)
  })
  for (const { pending, applied } of partial) await settle(pending, applied, options)
}

/** Applies `group` and answers (or fails) each of its pushes. */
export async function commitGroup(
  db: Db,
  group: readonly WaitingPush[],
  options: GroupOptions
): Promise<void> {
  const plan: Plan = { deferred: new Set(), single: new Set(), hooks: options.hooks }
  for (let run = 1; run <= MAX_RUNS; run++) {
    let outcome: BatchOutcome
    try {
      outcome = await applyPushBatch(db, group, plan)
    } catch (error) {
      const next = nextAfter(error, plan)
      if (next === 'unavailable') {
        for (const pending of group) pending.reject(causeOf(error))
        return
      }
      if (next === 'split') break
      continue
    }
    options.onCommitted?.(outcome.logged)
    await answer(group, outcome.responses, options)
    return
  }
  if (group.length > 1) {
    for (const pending of group) await commitGroup(db, [pending], options)
    return
  }
  for (const pending of group) await options.alone(pending).then(pending.resolve, pending.reject)
}
