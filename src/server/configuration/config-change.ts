/**
 * What every configuration route shares: where the routes live, the admin guard, and the one
 * transaction a change commits in, with its audit row and the change-log row every client pulls.
 */
import type { FastifyRequest } from 'fastify'

import { writeAudit, type AuditAction } from '../auth/audit-log'
import { claimsOf, type requireRole } from '../http/auth-hooks'
import { UNIQUE_VIOLATION, sqlStateOf, type Queryable } from '../db/db'
import { HttpAppError } from '../http/app-error'
import { appendChanges, configEntityId, type ChangeEntity } from '../sync/change-log'
import { announceChanges } from '../sync/pull'
import type { RouteContext, ZodApp } from '../http/route-context'

export const CONFIGURATION_PATH = '/api/admin/configuration'

/** What each configuration module registers its routes with; only admins pass the guard. */
export interface ConfigRoutes {
  app: ZodApp
  ctx: RouteContext
  guard: ReturnType<typeof requireRole>
}

/** The entry every client pulls again, under the same id the seed used for it. */
export interface PublishedEntry {
  entity: ChangeEntity
  key: string
  data: unknown
}

/** What one change did: the audit row's facts and the entry every client pulls again. */
export interface ConfigChange<T> {
  result: T
  action: AuditAction
  target: string
  before: unknown
  /** The published entry; null when nothing changed (no audit row, no change-log row). */
  publish: PublishedEntry | null
}

/**
 * Runs `work` in one transaction with its audit row and change-log row, then pokes every client.
 * A code that already exists (even retired) is a 409.
 */
export async function commitConfigChange<T>(
  ctx: RouteContext,
  request: FastifyRequest,
  work: (tx: Queryable) => Promise<ConfigChange<T>>
): Promise<T> {
  const claims = claimsOf(request)
  try {
    const done = await ctx.db.transaction(async (tx) => {
      const change = await work(tx)
      if (!change.publish) return { result: change.result, cursor: null }
      const { entity, key, data } = change.publish
      await writeAudit(tx, {
        action: change.action,
        actorId: claims.userId,
        target: change.target,
        ip: request.ip,
        details: { before: change.before, after: data }
      })
      // Shared with everyone, under the same id the seed used, so the new version replaces it.
      const cursor = await appendChanges(tx, [
        { entity, entityId: configEntityId(entity, key), teamId: null, data }
      ])
      return { result: change.result, cursor }
    })
    if (done.cursor !== null) await announceChanges(ctx.db, { cursor: done.cursor, teams: [null] })
    return done.result
  } catch (error) {
    if (sqlStateOf(error) === UNIQUE_VIOLATION) {
      throw new HttpAppError(
        'conflict',
        'That code is already in use (retired entries keep theirs)'
      )
    }
    throw error
  }
}

export function notFound(what: string, code: string): never {
  throw new HttpAppError('not_found', `No ${what} "${code}"`)
}
