/** What every route module receives: the typed Fastify instance and the shared services. */
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'

import type { AccessTokenIssuer } from '../auth/access-tokens'
import type { Db } from '../db/db'

export type ZodApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>

export interface RouteContext {
  db: Db
  tokens: AccessTokenIssuer
  refreshTokenTtlSeconds: number
  loginRateLimit: { max: number; timeWindowMs: number }
}
