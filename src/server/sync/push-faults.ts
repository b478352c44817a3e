/**
 * What the push path does when applying a mutation throws: which mutations the error belongs
 * to, the rejection such a mutation is answered (and stored) with, and the test-only hook that
 * makes a chosen mutation throw, since no real input should reach that point once text is
 * checked at the edge.
 */
import type { MutationResult } from '@shared/sync/protocol'
import type { Db } from '../db/db'
import type { RawMutation } from './apply-mutation'
import { rejected } from './mutation-outcome'
import { resultOf } from './apply-mutation'

/** Where a mutation is being applied: in a group-committed batch, or in a transaction of its own. */
export type ApplyPath = 'batch' | 'alone'

/**
 * Test-only: called right before each mutation is applied, inside its transaction; what it throws
 * is thrown by the apply. Never set in production (buildApp takes it as an option only).
 */
export interface PushFaultHooks {
  beforeApply?: (mutation: RawMutation, path: ApplyPath) => void | Promise<void>
}

export interface PushFaultSettings {
  hooks?: PushFaultHooks | undefined
  /** Told of each mutation fault, with the error the user is not shown. */
  report?: (error: unknown, mutation: RawMutation) => void
}

const settingsByDb = new WeakMap<Db, PushFaultSettings>()

/** Sets how pushes on `db` report faults (and, in tests, inject them). */
export function configurePushFaults(db: Db, settings: PushFaultSettings): void {
  settingsByDb.set(db, settings)
}

export function pushFaultsFor(db: Db): PushFaultSettings {
  return settingsByDb.get(db) ?? {}
}

/**
 * An error thrown while applying the mutations named by `keys` (`clientId/mutationId`): one
 * mutation, or the complaint creations applied together in one statement, any of which may be
 * the culprit.
 */
export class ApplyFault extends Error {
  constructor(
    readonly keys: readonly string[],
    override readonly cause: unknown
  ) {
    super(`applying ${String(keys.length)} mutation(s) failed`)
    this.name = 'ApplyFault'
  }
}

export function mutationKey(clientId: string, mutationId: string): string {
  return `${clientId}/${mutationId}`
}

/** The unwrapped error of a fault, so the classifier sees what the database threw. */
export function causeOf(error: unknown): unknown {
  return error instanceof ApplyFault ? error.cause : error
}

/**
 * The answer to a mutation that failed on its own in a transaction of its own: final, since the
 * same record would fail the same way again. It names no SQL and no stack; the log has them.
 */
export function faultRejection(id: string): MutationResult {
  return resultOf(
    id,
    rejected('internal', 'The server could not apply this record. Fix or discard it.')
  )
}

export async function beforeApply(
  hooks: PushFaultHooks | undefined,
  mutation: RawMutation,
  path: ApplyPath
): Promise<void> {
  await hooks?.beforeApply?.(mutation, path)
}
