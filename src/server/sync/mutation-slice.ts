/**
 * The shape of the server's mutation dispatch: one handler per mutation name, contributed by the
 * capability that owns the name (see ../mutation-handlers.ts).
 */
import type { Mutation } from '@shared/sync/protocol'
import type { HandlerTable } from '@shared/tables/handler-table'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import type { MutationOutcome } from './mutation-outcome'

/** What a handler runs in: the push's transaction and the pusher's claims. */
export interface ApplyContext {
  tx: Queryable
  claims: AccessClaims
}

/** Every mutation's handler: a mutation added to the protocol without one fails to compile. */
export type MutationHandlers = HandlerTable<
  Mutation,
  'name',
  ApplyContext,
  Promise<MutationOutcome>
>

/**
 * A capability's slice: the handlers of every mutation named `<prefix>.…`, so a new mutation of
 * that capability fails to compile in the capability's own folder until it has its handler.
 */
export type MutationSlice<P extends string> = Pick<
  MutationHandlers,
  Extract<Mutation['name'], `${P}.${string}`>
>
