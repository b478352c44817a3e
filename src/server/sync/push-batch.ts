/**
 * Group commit: the pushes that arrive while a transaction is running are applied together in
 * the next one. Each mutation still gets its own result and its `(clientId, mutationId)` record,
 * so exactly-once holds as before; what is shared is the transaction, the idempotency lookup,
 * the change-log append, the NOTIFY and the commit (one WAL flush for the whole group).
 *
 * @remarks A batch that throws (a duplicate raced in from another instance, a database error) is
 * rolled back whole and its pushes are applied again one mutation per transaction, exactly as
 * without batching, so a failure never mixes one client's fate with another's.
 */
import type { ComplaintCreateArgs } from '../../shared/domain/complaint'
import type { MutationResult, PushRequest, PushResponse } from '../../shared/sync/protocol'
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
import { dispatch, parseMutation, replayed, resultOf } from './apply-mutation'
import { applyComplaintCreates } from './mutations/complaint-create'
import { changesOf, rejected } from './mutations/mutation-outcome'

export interface PendingPush {
  claims: AccessClaims
  request: PushRequest
}

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
  items: { claims: AccessClaims; args: ComplaintCreateArgs; slot: Slot; record: NewRecord }[]
}

async function flushSegment(tx: Queryable, segment: Segment, changes: NewChange[]): Promise<void> {
  if (segment.items.length === 0) return
  const outcomes = await applyComplaintCreates(tx, segment.items)
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

/** Applies every push of the batch in one transaction. */
export async function applyPushBatch(
  db: Db,
  pushes: readonly PendingPush[]
): Promise<BatchOutcome> {
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
        const key = `${request.clientId}/${raw.id}`
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
          name: raw.name,
          result: { id: raw.id, status: 'applied' }
        }
        fresh.set(key, { userId: claims.userId, slot })
        records.push(record)
        own.push(() => slot.result ?? resultOf(raw.id, rejected('internal', 'Not applied')))
        const parsed = parseMutation(raw)
        if (parsed.kind === 'valid' && parsed.mutation.name === 'complaint.create') {
          segment.items.push({ claims, args: parsed.mutation.args, slot, record })
          continue
        }
        await flushSegment(tx, segment, changes)
        const outcome =
          parsed.kind === 'valid' ? await dispatch(tx, claims, parsed.mutation) : parsed.outcome
        slot.result = resultOf(raw.id, outcome)
        record.result = slot.result
        changes.push(...changesOf(outcome))
      }
      answers.push(own)
    }
    await flushSegment(tx, segment, changes)
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
