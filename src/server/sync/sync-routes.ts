/**
 * `POST /api/sync/push`, `GET /api/sync/pull` and `GET /api/sync/bulk` (see
 * src/shared/sync/protocol.ts).
 */
import { Readable } from 'node:stream'

import { BULK_PULL_CONTENT_TYPE, BULK_PULL_PATH, bulkPullQuerySchema } from '@shared/sync/bulk-pull'
import {
  PROTOCOL_VERSION,
  pullQuerySchema,
  pushRequestSchema,
  pushResponseSchema
} from '@shared/sync/protocol'
import { claimsOf, requireAuth } from '../http/auth-hooks'
import { HttpAppError } from '../http/app-error'
import { bulkChanges } from './bulk-pull'
import { requireProtocol } from './protocol-guard'
import { pullChanges } from './pull'
import { pushMutations } from './push'
import type { RouteContext, ZodApp } from '../http/route-context'

/** Registers the sync routes; both need a token and the protocol header. */
export function registerSyncRoutes(app: ZodApp, ctx: RouteContext): void {
  const onRequest = [requireProtocol, requireAuth(ctx.tokens)]
  app.post(
    '/api/sync/push',
    {
      onRequest,
      schema: { tags: ['sync'], body: pushRequestSchema, response: { 200: pushResponseSchema } }
    },
    async (request) => {
      if (request.body.protocolVersion !== PROTOCOL_VERSION) {
        throw new HttpAppError(
          'incompatible_version',
          `The push body says protocol ${request.body.protocolVersion}; this server speaks ${PROTOCOL_VERSION}`
        )
      }
      return pushMutations(ctx.db, claimsOf(request), request.body)
    }
  )
  app.get(
    '/api/sync/pull',
    {
      onRequest,
      schema: {
        tags: ['sync'],
        description: 'Changes after `cursor`; the body matches pullResponseSchema.',
        querystring: pullQuerySchema
      }
    },
    async (request, reply) => {
      const body = await pullChanges(ctx.db, claimsOf(request), request.query)
      // Already JSON: sent as is, not re-serialised.
      return reply.type('application/json; charset=utf-8').send(body)
    }
  )
  app.get(
    BULK_PULL_PATH,
    {
      onRequest,
      schema: {
        tags: ['sync'],
        description:
          'Every change after `cursor` up to the head, as NDJSON (see src/shared/sync/bulk-pull.ts).',
        querystring: bulkPullQuerySchema
      }
    },
    (request, reply) => {
      const lines = bulkChanges(ctx.db, claimsOf(request), request.query.cursor)
      return reply.type(BULK_PULL_CONTENT_TYPE).send(Readable.from(lines))
    }
  )
}
