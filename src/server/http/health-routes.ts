import { z } from 'zod'

import { PROTOCOL_VERSION } from '@shared/sync/protocol'
import { HttpAppError } from './app-error'
import type { RouteContext, ZodApp } from './route-context'

const healthSchema = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number().int(),
  database: z.enum(['pglite', 'postgres'])
})

/** `GET /api/health`: answers ok only when the database answers too. */
export function registerHealthRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], response: { 200: healthSchema } } },
    async () => {
      try {
        await ctx.db.query('SELECT 1 AS ok')
      } catch {
        throw new HttpAppError('unavailable', 'The database is not answering')
      }
      return { status: 'ok' as const, protocolVersion: PROTOCOL_VERSION, database: ctx.db.kind }
    }
  )
}
