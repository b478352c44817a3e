/**
 * A stored write (an outbox row, a journal line) this build cannot read: shown as rejected with
 * this reason, like a refusal from the server, so it is never dropped nor left pending unseen.
 */
import type { z } from 'zod'

import { appError, type AppError } from '@shared/contract/errors'
import { mutationSchema, type Mutation } from '@shared/sync/protocol'

export const UNREADABLE_MESSAGE = 'The stored record could not be read; fix it or discard it'

/** What reading one stored entry came to. */
export type StoredRead =
  { kind: 'mutation'; mutation: Mutation } | { kind: 'unreadable'; reason: AppError }

/** Parses a stored `{ id, name, args }`; the schema cleans free text written by older versions. */
export function readStoredMutation(entry: unknown): StoredRead {
  const parsed = mutationSchema.safeParse(entry)
  if (parsed.success) return { kind: 'mutation', mutation: parsed.data }
  return { kind: 'unreadable', reason: unreadableReason(parsed.error.issues) }
}

/** The zod issues without their inputs: the details name the fields, never repeat the data. */
export function unreadableReason(issues: readonly z.core.$ZodIssue[]): AppError {
  return appError(
    'invalid_argument',
    UNREADABLE_MESSAGE,
    issues.map((issue) => ({
      path: issue.path.map(String),
      code: issue.code,
      message: issue.message
    }))
  )
}

/** Args whose stored JSON itself is broken. */
export function unparseableReason(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error)
  return appError('invalid_argument', UNREADABLE_MESSAGE, [{ path: ['args'], message }])
}
