/**
 * The shape of the worker's request table: for every request of `DataWorkerHandlers`, the zod
 * schema its arguments are validated with at the edge, where its text comes from (see
 * request-text-rule.ts) and its handler. Each capability declares its own slice (its
 * `requests.ts`); dispatcher.ts joins them into a table that must name every request.
 */
import { z } from 'zod'

import type { WorkerArgs, WorkerReply, WorkerRequestName } from '@shared/contract/worker'

import type { TextSource } from './request-text-rule'
import type { SessionHost } from './session/session-host'

export interface RequestHandler<K extends WorkerRequestName> {
  /** The worker validates at its edge and trusts the typed values inside. */
  schema: z.ZodType<WorkerArgs<K>>
  text: TextSource
  /**
   * Runs with the host; `host.session` answers `unavailable` before a session is open. A method,
   * so that an entry's handler may take what its own schema answers (defaults filled in): the
   * dispatcher passes it only arguments that schema parsed.
   */
  handle(host: SessionHost, args: WorkerArgs<K>): Promise<WorkerReply<K>> | WorkerReply<K>
}

export type RequestTable = { [K in WorkerRequestName]: RequestHandler<K> }

/** One capability's requests, checked against the contract where they are declared. */
export type RequestSlice = Partial<RequestTable>

/** One request's entry: its handler takes what `schema` answers. */
export function request<A, R>(
  schema: z.ZodType<A>,
  text: TextSource,
  handle: (host: SessionHost, args: A) => Promise<R> | R
): { schema: z.ZodType<A>; text: TextSource; handle: typeof handle } {
  return { schema, text, handle }
}

/** The arguments of a request that takes none. */
export const noArgs = z.object({}).strict()

/** How many rows a list request may ask for. */
export const listLimit = z.number().int().min(1).max(500)
