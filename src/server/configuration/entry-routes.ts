/**
 * What the routes of every kind of configuration entry have alike (create, update, retire,
 * restore), given what tells the kinds apart: table, lock query, response schema and change-log
 * entity. Entries are never deleted: records name them, some written offline before a
 * retirement reaches them.
 */
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'

import { configCodeSchema } from '@shared/domain/configuration'
import type { AuditAction } from '../auth/audit-log'
import { updateColumns, type ColumnValues } from './config-entries'
import type { Queryable } from '../db/db'
import type { ChangeEntity } from '../sync/change-log'
import type { RouteContext } from '../http/route-context'

import {
  CONFIGURATION_PATH,
  commitConfigChange,
  notFound,
  type ConfigRoutes,
  type PublishedEntry
} from './config-change'

export const codeParams = z.object({ code: configCodeSchema })

type Entry = { code: string; active: boolean }

/** One kind of configuration entry, as its routes tell it apart from the others. */
export interface EntryKind<S extends z.ZodType<Entry>> {
  /** Below {@link CONFIGURATION_PATH}, e.g. `disposition-codes`. */
  path: string
  table: 'disposition_codes' | 'pause_reasons' | 'complaint_categories'
  /** How a 404 names it: `No disposition code "x"`. */
  name: string
  /** The change-log entity, also the audit target's prefix (`disposition_code:<code>`). */
  entity: ChangeEntity
  /** The entry, locked until the transaction ends; null when there is none. */
  lock: (tx: Queryable, code: string) => Promise<z.output<S> | null>
  /** The entry as routes answer it and clients pull it. */
  schema: S
}

/** The URL of `kind`'s routes, with `suffix` (`/:code`) appended. */
export function entryPath<S extends z.ZodType<Entry>>(kind: EntryKind<S>, suffix = ''): string {
  return `${CONFIGURATION_PATH}/${kind.path}${suffix}`
}

/** The entry as every client pulls it, under its own code. */
export function publishEntry<S extends z.ZodType<Entry>>(
  kind: EntryKind<S>,
  entry: z.output<S>
): PublishedEntry {
  return { entity: kind.entity, key: entry.code, data: entry }
}

/** The locked entry; a 404 when there is none. */
export async function lockEntry<S extends z.ZodType<Entry>>(
  tx: Queryable,
  kind: EntryKind<S>,
  code: string
): Promise<z.output<S>> {
  return (await kind.lock(tx, code)) ?? notFound(kind.name, code)
}

// The route options are built here but passed to Fastify where the schemas are concrete: the
// zod type provider cannot type a request or a reply through a generic schema.

/** Options of `POST <kind>`: adds an entry, answered with 201. */
export function createRouteOptions<S extends z.ZodType<Entry>, B extends z.ZodType>(
  { guard }: ConfigRoutes,
  kind: EntryKind<S>,
  route: { description: string; body: B }
) {
  return {
    onRequest: guard,
    schema: {
      tags: ['configuration'],
      description: route.description,
      body: route.body,
      response: { 201: kind.schema }
    }
  }
}

/** Options of `PATCH <kind>/:code`: changes some of an entry's fields. */
export function updateRouteOptions<S extends z.ZodType<Entry>, B extends z.ZodType>(
  { guard }: ConfigRoutes,
  kind: EntryKind<S>,
  body: B
) {
  return {
    onRequest: guard,
    schema: { tags: ['configuration'], params: codeParams, body, response: { 200: kind.schema } }
  }
}

/** Commits the entry `insert` writes, audited and published as created. */
export function createEntry<S extends z.ZodType<Entry>>(
  ctx: RouteContext,
  request: FastifyRequest,
  kind: EntryKind<S>,
  code: string,
  insert: (tx: Queryable) => Promise<z.output<S>>
): Promise<z.output<S>> {
  return commitConfigChange(ctx, request, async (tx) => {
    const entry = await insert(tx)
    return {
      result: entry,
      action: 'configuration.created',
      target: `${kind.entity}:${code}`,
      before: null,
      publish: publishEntry(kind, entry)
    }
  })
}

/**
 * Sets `columns` (those left undefined stay as they are) on the entry `code`, audited and
 * published as updated; a 404 when there is none. `where` picks the row by `code` ($1).
 */
export function updateEntry<S extends z.ZodType<Entry>>(
  ctx: RouteContext,
  request: FastifyRequest,
  kind: EntryKind<S>,
  change: { code: string; columns: ColumnValues; where?: string }
): Promise<z.output<S>> {
  const { code } = change
  return commitConfigChange(ctx, request, async (tx) => {
    const before = await lockEntry(tx, kind, code)
    await updateColumns(tx, kind.table, change.columns, {
      sql: change.where ?? 'code = $1',
      params: [code]
    })
    const after = await lockEntry(tx, kind, code)
    return {
      result: after,
      action: 'configuration.updated',
      target: `${kind.entity}:${code}`,
      before,
      publish: publishEntry(kind, after)
    }
  })
}

/**
 * Registers `POST <kind>/:code/retire` and `…/restore`: stop or start offering an entry. Doing
 * what is already done answers the entry as it is and writes nothing (no audit row, no
 * change-log row).
 */
export function registerRetireRestoreRoutes<S extends z.ZodType<Entry>>(
  { app, ctx, guard }: ConfigRoutes,
  kind: EntryKind<S>,
  options: {
    /** The OpenAPI descriptions, where the kind has them. */
    descriptions?: { retire: string; restore: string }
    /** Throws when `code` may never be retired. */
    assertRetirable?: (code: string) => void
  } = {}
): void {
  // Widened to ZodType: the reply is the locked entry, serialised and checked by kind.schema.
  const response: z.ZodType = kind.schema
  for (const active of [false, true]) {
    const verb = active ? 'restore' : 'retire'
    const action: AuditAction = active ? 'configuration.restored' : 'configuration.retired'
    const description = options.descriptions?.[verb]
    app.post(
      entryPath(kind, `/:code/${verb}`),
      {
        onRequest: guard,
        schema: {
          tags: ['configuration'],
          ...(description === undefined ? {} : { description }),
          params: codeParams,
          response: { 200: response }
        }
      },
      (request) =>
        commitConfigChange(ctx, request, async (tx) => {
          const { code } = request.params
          if (!active) options.assertRetirable?.(code)
          const before = await lockEntry(tx, kind, code)
          const after = { ...before, active }
          if (before.active !== active) {
            await tx.query(`UPDATE ${kind.table} SET active = $2 WHERE code = $1`, [code, active])
          }
          return {
            result: after,
            action,
            target: `${kind.entity}:${code}`,
            before,
            publish: before.active === active ? null : publishEntry(kind, after)
          }
        })
    )
  }
}
