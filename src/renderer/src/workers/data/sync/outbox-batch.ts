/**
 * The next push, chosen from the outbox oldest first and bounded in count and in UTF-8 bytes (a
 * count alone let 200 long complaints exceed the server's body limit and loop on 413).
 *
 * @remarks
 * - An entry this build cannot read becomes rejected here, with its reason, instead of waiting
 *   unseen for ever; it goes through `markRejected` like a refusal from the server.
 * - An entry the server has failed before travels alone, so its next answer is its own.
 * - A stuck entry waits, and so does every later entry naming a record it creates (its
 *   `args.id` anywhere in their args), transitively: they would only fail without it. The
 *   others go on.
 */
import type { Database } from 'sql.js'

import type { Mutation } from '@shared/sync/protocol'

import { MAX_PUSH_ATTEMPTS, createdId, markRejected } from './outbox'
import { asNumber, asString, queryAll, type Row } from '../store/sql'
import { readStoredMutation, unparseableReason } from '../store/unreadable-entry'

export interface PushLimits {
  count: number
  bytes: number
}

export interface PushBatch {
  mutations: Mutation[]
  /** Entries found unreadable and rejected while choosing; the caller's transaction holds them. */
  rejected: number
}

/** Rows read per query: a batch usually fills from the first chunk. */
const SCAN_CHUNK = 256
const encoder = new TextEncoder()

type Candidate =
  | { kind: 'unreadable' }
  | { kind: 'waits' }
  | { kind: 'ready'; mutation: Mutation; size: number; alone: boolean }

export function nextPushBatch(db: Database, limits: PushLimits): PushBatch {
  const waiting = new Set<string>()
  const batch: PushBatch = { mutations: [], rejected: 0 }
  let bytes = 0
  let afterSeq = 0
  for (;;) {
    const rows = queryAll(
      db,
      `SELECT seq, mutation_id, name, args, attempts FROM outbox
       WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?`,
      [afterSeq, SCAN_CHUNK]
    )
    for (const row of rows) {
      afterSeq = asNumber(row['seq'])
      const candidate = consider(db, row, waiting)
      if (candidate.kind === 'unreadable') batch.rejected++
      if (candidate.kind !== 'ready') continue
      const startsNext = bytes + candidate.size > limits.bytes || candidate.alone
      if (batch.mutations.length > 0 && startsNext) return batch
      batch.mutations.push(candidate.mutation)
      bytes += candidate.size
      if (candidate.alone || batch.mutations.length >= limits.count) return batch
    }
    if (rows.length < SCAN_CHUNK) return batch
  }
}

function consider(db: Database, row: Row, waiting: Set<string>): Candidate {
  const id = asString(row['mutation_id'])
  const argsText = asString(row['args'])
  let args: unknown
  try {
    args = JSON.parse(argsText)
  } catch (error) {
    markRejected(db, { id, args: null }, unparseableReason(error))
    return { kind: 'unreadable' }
  }
  const read = readStoredMutation({ id, name: row['name'], args })
  if (read.kind === 'unreadable') {
    markRejected(db, { id, args }, read.reason)
    return { kind: 'unreadable' }
  }
  const attempts = asNumber(row['attempts'])
  if (attempts >= MAX_PUSH_ATTEMPTS || (waiting.size > 0 && namesAny(args, waiting))) {
    const created = createdId(args)
    if (created !== null) waiting.add(created)
    return { kind: 'waits' }
  }
  // What goes on the wire: the parsed mutation (text cleaned), one comma between mutations.
  const size = encoder.encode(JSON.stringify(read.mutation)).byteLength + 1
  return { kind: 'ready', mutation: read.mutation, size, alone: attempts > 0 }
}

/** True when any string anywhere in `value` is one of `ids`. */
function namesAny(value: unknown, ids: ReadonlySet<string>): boolean {
  if (typeof value === 'string') return ids.has(value)
  if (Array.isArray(value)) return value.some((item) => namesAny(item, ids))
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some((item) => namesAny(item, ids))
  }
  return false
}
