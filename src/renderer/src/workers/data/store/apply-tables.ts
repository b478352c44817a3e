/**
 * The shapes of the tables that say how each journaled mutation and each pulled change lands in
 * the store. Every capability declares its slice (its `appliers.ts`); local-mutations.ts and
 * server-changes.ts join the slices into tables that must cover every mutation name and every
 * entity, so one added to the protocol without its handler fails the typecheck.
 */
import type { Database } from 'sql.js'

import type { Change, Mutation } from '@shared/sync/protocol'
import type { HandlerTable } from '@shared/tables/handler-table'

export type MutationName = Mutation['name']

/** How a capability's mutations land in the store, on a local write and on replay. */
export interface MutationSlice<N extends MutationName> {
  /** Whether the store already holds the mutation's effect (a replay must not apply it twice). */
  applied: Pick<HandlerTable<Mutation, 'name', Database, boolean>, N>
  /** How the mutation changes the store: its rows and its outbox entry. */
  apply: Pick<HandlerTable<Mutation, 'name', Database, void>, N>
}

/** A pulled change other than a customer (customers have their own bulk writer). */
export type PulledChange = Exclude<Change, { entity: 'customer' }>

/** What a pulled change wrote: a record, or configuration (which the store keeps decoded). */
export type AppliedKind = 'record' | 'configuration'

/** How a capability's pulled entities replace the local rows. */
export type PulledSlice<E extends PulledChange['entity']> = Pick<
  HandlerTable<PulledChange, 'entity', Database, AppliedKind>,
  E
>

/** The writer of a pulled record: the server's row replaces the local one. */
export const pulledRecord =
  <T>(upsert: (db: Database, data: T) => void) =>
  (db: Database, change: { data: T }): AppliedKind => {
    upsert(db, change.data)
    return 'record'
  }
