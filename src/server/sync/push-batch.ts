/**
 * Group commit: the pushes that arrive while a transaction is running are applied together in
 * the next one. Each mutation still gets its own result and its `(clientId, mutationId)` record,
 * so exactly-once holds as before; what is shared is the transaction, the idempotency lookup,
 * the change-log append, the NOTIFY and the commit (one WAL flush for the whole group).
 *
 * @remarks A batch that throws is rolled back whole. An error while applying a mutation is thrown
 * as an {@link ApplyFault} naming it, so the group can be run again without it (see push-group);
 * the {@link BatchPlan} says what such a re-run leaves out.
 */
import type { ComplaintCreateArgs } from '@shared/domain/complaint'
import type { MutationResult, PushRequest, PushResponse } from '@shared/sync/protocol'
import type { AccessClaims } from '../auth/access-tokens'
import type { Db, Queryable } from '../db/db'
import {
  CHANGES_CHANNEL,
  appendLoggedChanges,
  headCursor,
  pokeKeysOf,
  pokePayload,
  type LoggedChange,
  type NewChange
} from './change-log'
import {
  dispatch,
  parseMutation,
  replayed,
  resultOf,
  storedName,
  type RawMutation
} from './apply-mutation'
import { applyComplaintCreates } from '../complaints/complaint-create'
import { changesOf, rejected, type MutationOutcome } from './mutation-outcome'
import { ApplyFault, beforeApply, mutationKey, type PushFaultHooks } from './push-faults'

export interface PendingPush {
  claims: AccessClaims
  request: PushRequest
}

/** What a run of the group leaves out or applies apart, after earlier runs failed. */
export interface BatchPlan {
  /**
   * Mutations (`clientId/mutationId`) that failed in an earlier run: each is left out with the
   * rest of its push after it, which is then applied one mutation per transaction, in order.
   */
  deferred: ReadonlySet<string>
  /**
   * Complaint creations whose segment threw, so any of them may be the culprit: applied one by
   * one, so a failure names its mutation.
   */
  single: ReadonlySet<string>
  hooks?: PushFaultHooks | undefined
}

const FIRST_RUN: BatchPlan = { deferred: new Set(), single: new Set() }

interface StoredResult {
  client_id: string
  mutation_id: string
  user_id: string
  result: unknown
}

interface NewRecord {
  clientId: string
  mutationId: string
  userId: string
  name: string
  result: MutationResult
}

async function storedResults(
  tx: Queryable,
  pushes: readonly PendingPush[]
): Promise<Map<string, StoredResult>> {
  const keys = pushes.flatMap((p) =>
    p.request.mutations.map((m) => ({ c: p.request.clientId, m: m.id }))
  )
  const rows = await tx.query<StoredResult>(
    `SELECT a.client_id, a.mutation_id, a.user_id, a.result
     FROM jsonb_to_recordset($1::jsonb) AS k(c uuid, m uuid)
     JOIN applied_mutations a ON a.client_id = k.c AND a.mutation_id = k.m`,
    [JSON.stringify(keys)]
  )
  return new Map(rows.map((r) => [`${r.client_id}/${r.mutation_id}`, r]))
}

async function recordResults(tx: Queryable, records: readonly NewRecord[]): Promise<void> {
  if (records.length === 0) return
  await tx.query(
    `INSERT INTO applied_mutations (client_id, mutation_id, user_id, name, result)
     SELECT r."clientId", r."mutationId", r."userId", r.name, r.result
     FROM jsonb_to_recordset($1::jsonb)
       AS r("clientId" uuid, "mutationId" uuid, "userId" uuid, name text, result jsonb)`,
    [JSON.stringify(records)]
  )
}

/** A result that may still be waiting for its segment to be applied. */
type Slot = { result: MutationResult | null }

/**
 * Consecutive complaint creations, applied together when a mutation of another kind (which may
 * depend on them) or the end of the batch comes.
 */
interface Segment {
  items: {
    key: string
    raw: RawMutation
    claims: AccessClaims
    args: ComplaintCreateArgs
    slot: Slot
    record: NewRecord
  }[]
}

/**
 * Applies a segment; it fails as a whole, since one statement inserts all of it and the error
 * does not say which row it was.
 */
async function applySegment(
  tx: Queryable,
  segment: Segment,
  hooks: PushFaultHooks | undefined
): Promise<MutationOutcome[]> {
  try {
    if (hooks) for (const item of segment.items) await beforeApply(hooks, item.raw, 'batch')
    return await applyComplaintCreates(tx, segment.items)
  } catch (error) {
    throw new ApplyFault(
      segment.items.map((i) => i.key),
      error
    )
  }
}

async function flushSegment(
  tx: Queryable,
  segment: Segment,
  changes: NewChange[],
  hooks: PushFaultHooks | undefined
): Promise<void> {
  if (segment.items.length === 0) return
  const outcomes = await applySegment(tx, segment, hooks)
  segment.items.forEach((item, i) => {
    const outcome = outcomes[i] ?? rejected('internal', 'The complaint was not applied')
    const result = resultOf(item.record.mutationId, outcome)
    item.slot.result = result
    item.record.result = result
    changes.push(...changesOf(outcome))
  })
  segment.items = []
}

/** What a committed batch answers: one response per push, and the changes it logged. */
export interface BatchOutcome {
  responses: PushResponse[]
  logged: LoggedChange[]
}

/** Applies one mutation of another kind than a segment's; its error names it. */
async function applyOne(
  tx: Queryable,
  claims: AccessClaims,
  raw: RawMutation,
  parsed: ReturnType<typeof parseMutation>,
  key: string,
  hooks: PushFaultHooks | undefined
): Promise<MutationOutcome> {
  try {
    if (hooks) await beforeApply(hooks, raw, 'batch')
    return parsed.kind === 'valid' ? await dispatch(tx, claims, parsed.mutation) : parsed.outcome
  } catch (error) {
    throw new ApplyFault([key], error)
  }
}

/**
 * Applies every push of the batch in one transaction. A push with a deferred mutation (see
 * {@link BatchPlan}) is answered with the results of the mutations before it only.
 */
export async function applyPushBatch(
  db: Db,
  pushes: readonly PendingPush[],
  plan: BatchPlan = FIRST_RUN
): Promise<BatchOutcome> {
  const { hooks } = plan
  return db.transaction(async (tx) => {
    const stored = await storedResults(tx, pushes)
    const fresh = new Map<string, { userId: string; slot: Slot }>()
    const records: NewRecord[] = []
    const changes: NewChange[] = []
    const segment: Segment = { items: [] }
    const answers: (() => MutationResult)[][] = []
    for (const { claims, request } of pushes) {
      const own: (() => MutationResult)[] = []
      for (const raw of request.mutations) {
        const key = mutationKey(request.clientId, raw.id)
        if (plan.deferred.has(key)) break
        const previous = stored.get(key)
        if (previous) {
          const result = replayed(previous, claims, raw.id)
          own.push(() => result)
          continue
        }
        // A mutation sent twice in one batch (a retry racing its original) is applied once.
        const earlier = fresh.get(key)
        if (earlier) {
          own.push(() =>
            replayed({ user_id: earlier.userId, result: earlier.slot.result }, claims, raw.id)
          )
          continue
        }
        const slot: Slot = { result: null }
        const record: NewRecord = {
          clientId: request.clientId,
          mutationId: raw.id,
          userId: claims.userId,
          name: storedName(raw),
          result: { id: raw.id, status: 'applied' }
        }
        fresh.set(key, { userId: claims.userId, slot })
        records.push(record)
        own.push(() => slot.result ?? resultOf(raw.id, rejected('internal', 'Not applied')))
        const parsed = parseMutation(raw)
        if (
          parsed.kind === 'valid' &&
          parsed.mutation.name === 'complaint.create' &&
          !plan.single.has(key)
        ) {
          segment.items.push({ key, raw, claims, args: parsed.mutation.args, slot, record })
          continue
        }
        await flushSegment(tx, segment, changes, hooks)
        const outcome = await applyOne(tx, claims, raw, parsed, key, hooks)
        slot.result = resultOf(raw.id, outcome)
        record.result = slot.result
        changes.push(...changesOf(outcome))
      }
      answers.push(own)
    }
    await flushSegment(tx, segment, changes, hooks)
    await recordResults(tx, records)
    let cursor: number
    let logged: LoggedChange[] = []
    if (changes.length > 0) {
      ;({ last: cursor, logged } = await appendLoggedChanges(tx, changes))
      const teams = pokeKeysOf(changes)
      // Delivered at commit, so no instance pokes its clients about rows they cannot read yet.
      await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, pokePayload({ cursor, teams })])
    } else {
      cursor = await headCursor(tx)
    }
    const responses = answers.map((own) => ({ results: own.map((answer) => answer()), cursor }))
    return { responses, logged }
  })
}
