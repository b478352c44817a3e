import type { AppError } from '../../../shared/contract/errors'
import { appError } from '../../../shared/contract/errors'
import type { CompensationStatus } from '../../../shared/domain/compensation-record'
import type { FieldConflict } from '../../../shared/domain/complaint-edit'
import type { NewChange } from '../change-log'

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
