import type { AppError } from '../../../shared/contract/errors'
import { appError } from '../../../shared/contract/errors'
import type { CompensationStatus } from '../../../shared/domain/compensation-record'
import type { NewChange } from '../change-log'

/**
 * What applying one mutation produced: the changes it wrote (and, for compensations, the status
 * the server decided), or why it was refused.
 */
export type MutationOutcome =
  | { status: 'applied'; changes: NewChange[]; compensation?: CompensationStatus }
  | { status: 'rejected'; reason: AppError }

/** A refusal the user will see next to the record. */
export function rejected(
  code: AppError['code'],
  message: string,
  details?: unknown
): MutationOutcome {
  return { status: 'rejected', reason: appError(code, message, details) }
}
