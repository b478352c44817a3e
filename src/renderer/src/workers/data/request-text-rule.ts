/**
 * The text rule at the worker's edge (src/shared/text/unsafe-text.ts). Most requests carry what
 * a person typed: a control character or broken Unicode in any of their strings is refused,
 * naming the field, so the form can say which one. A few carry what the network or a caller
 * signalled (a caller's number and CTI headers, a call's record, a finished script run): their
 * free text is cleaned by the shared schemas instead, and a record is never refused for it.
 */
import { appError, type AppError } from '@shared/contract/errors'
import { describeFinding, findUnsafeText } from '@shared/text/unsafe-text'

/**
 * Where a request's text comes from; every request says so in its capability's request table
 * (a missing one fails to compile).
 */
export type TextSource = 'typed' | 'signalled'

/** Details of a refusal: which fields, and what is wrong with each. */
export interface UnsafeTextDetails {
  unsafeText: { field: string; flaw: string }[]
}

/** The refusal for a typed request with unsafe text, or null when it may go on. */
export function refuseTypedText(source: TextSource, args: unknown): AppError | null {
  if (source !== 'typed') return null
  const findings = findUnsafeText(args, 10)
  const first = findings[0]
  if (!first) return null
  const details: UnsafeTextDetails = {
    unsafeText: findings.map((f) => ({ field: f.path.join('.'), flaw: f.flaw }))
  }
  return appError('invalid_argument', describeFinding(first), details)
}
