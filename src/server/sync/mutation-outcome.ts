import type { AppError } from '@shared/contract/errors'
import { appError } from '@shared/contract/errors'
import type { CompensationStatus } from '@shared/domain/compensation-record'
import type { FieldConflict } from '@shared/domain/complaint-edit'
import type { Queryable } from '../db/db'
import type { NewChange } from './change-log'

/**
 * What applying one mutation produced: the changes it wrote (and, for compensations, the status
 * the server decided), or why it was refused. An edit that met someone else's edit of the same
 * fields is a `conflict`: it still wrote what merged (its changes) and lists the rest.
 */
export type MutationOutcome =
  | { status: 'applied'; changes: NewChange[]; compensation?: CompensationStatus }
  | { status: 'rejected'; reason: AppError }
  | { status: 'conflict'; changes: NewChange[]; complaintId: string; conflicts: FieldConflict[] }

/** The changes to append to the change log (none for a refusal). */
export function changesOf(outcome: MutationOutcome): NewChange[] {
  return outcome.status === 'rejected' ? [] : outcome.changes
}

/** A refusal the user will see next to the record. */
export function rejected(
  code: AppError['code'],
  message: string,
  details?: unknown
): MutationOutcome {
  return { status: 'rejected', reason: appError(code, message, details) }
}

/** Tables of records a client creates under its own id, with the column naming their author. */
const authorColumns = {
  agent_states: 'agent_id',
  interactions: 'agent_id',
  script_runs: 'agent_id',
  dispositions: 'agent_id',
  callbacks: 'created_by',
  whispers: 'lead_id',
  complaint_events: 'actor_id'
} as const

/**
 * A record id seen before: its author re-sending it (under a new mutation id, after a lost
 * answer) is a retry, applied with nothing new; anyone else using the id is refused. Null for
 * an id not seen yet.
 */
export async function repeatOf(
  tx: Queryable,
  table: keyof typeof authorColumns,
  id: string,
  userId: string,
  what: string
): Promise<MutationOutcome | null> {
  const column = authorColumns[table]
  const rows = await tx.query<{ author: string }>(
    `SELECT ${column} AS author FROM ${table} WHERE id = $1`,
    [id]
  )
  const author = rows[0]?.author
  if (author === undefined) return null
  if (author === userId) return { status: 'applied', changes: [] }
  return rejected('conflict', `${what} with this id belongs to another user`)
}

/** The customer a record names, when the server knows it (one created offline may not be yet). */
export async function knownCustomerId(tx: Queryable, id: string | null): Promise<string | null> {
  if (id === null) return null
  const rows = await tx.query<{ id: string }>('SELECT id FROM customers WHERE id = $1', [id])
  return rows[0]?.id ?? null
}
