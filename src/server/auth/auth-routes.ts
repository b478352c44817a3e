/** Login, token refresh (rotating), logout and the current user. */
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'

import {
  loginRequestSchema,
  refreshRequestSchema,
  tokenResponseSchema,
  type TokenResponse
} from '@shared/sync/auth'
import { sessionUserSchema, type SessionUser } from '@shared/domain/user'
import { writeAudit } from './audit-log'
import { authenticate } from '../http/auth-hooks'
import { verifyAgainstDummy, verifyPassword } from './password'
import { issueRefreshToken, revokeRefreshToken, rotateRefreshToken } from './refresh-tokens'
import { findUserById, findUserByUsername } from './users'
import { HttpAppError } from '../http/app-error'
import type { RouteContext, ZodApp } from '../http/route-context'

const INVALID_LOGIN = 'Invalid username or password'

/** Rate-limit key: the client address plus the username tried, so one victim is not locked out by others. */
function loginKey(request: FastifyRequest): string {
  const body = request.body
  const username =
    typeof body === 'object' &&
    body !== null &&
    'username' in body &&
    typeof body.username === 'string'
      ? body.username.trim().toLowerCase()
      : ''
  return `${request.ip}|${username}`
}

async function tokensFor(
  ctx: RouteContext,
  user: SessionUser,
  refreshToken?: string
): Promise<TokenResponse> {
  const accessToken = await ctx.tokens.sign({
    userId: user.id,
    role: user.role,
    teamId: user.teamId
  })
  const refresh =
    refreshToken ?? (await issueRefreshToken(ctx.db, user.id, ctx.refreshTokenTtlSeconds))
  return { accessToken, refreshToken: refresh, expiresIn: ctx.tokens.ttlSeconds, user }
}

async function login(ctx: RouteContext, username: string, password: string, ip: string) {
  const found = await findUserByUsername(ctx.db, username)
  const ok = found
    ? await verifyPassword(password, found.passwordHash)
    : await verifyAgainstDummy(password)
  if (!found || !ok) {
    await writeAudit(ctx.db, {
      action: 'auth.login_failed',
      actorId: found?.user.id ?? null,
      actorUsername: username,
      ip,
      details: { reason: found ? 'bad_password' : 'unknown_user' }
    })
    throw new HttpAppError('unauthenticated', INVALID_LOGIN)
  }
  await writeAudit(ctx.db, {
    action: 'auth.login_succeeded',
    actorId: found.user.id,
    actorUsername: found.user.username,
    ip
  })
  return tokensFor(ctx, found.user)
}

function registerLogin(app: ZodApp, ctx: RouteContext): void {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: loginRequestSchema, response: { 200: tokenResponseSchema } },
      config: {
        rateLimit: {
          max: ctx.loginRateLimit.max,
          timeWindow: ctx.loginRateLimit.timeWindowMs,
          hook: 'preHandler',
          keyGenerator: loginKey
        }
      }
    },
    (request) => login(ctx, request.body.username, request.body.password, request.ip)
  )
}

function registerRefresh(app: ZodApp, ctx: RouteContext): void {
  app.post(
    '/api/auth/refresh',
    {
      schema: { tags: ['auth'], body: refreshRequestSchema, response: { 200: tokenResponseSchema } }
    },
    async (request) => {
      const ttl = ctx.refreshTokenTtlSeconds
      const outcome = await rotateRefreshToken(ctx.db, request.body.refreshToken, ttl, request.ip)
      if (outcome.kind === 'reused') {
        throw new HttpAppError(
          'unauthenticated',
          'Refresh token reused: every session of this login was signed out'
        )
      }
      const user = outcome.kind === 'rotated' ? await findUserById(ctx.db, outcome.userId) : null
      if (outcome.kind !== 'rotated' || !user) {
        throw new HttpAppError('unauthenticated', 'The refresh token is invalid or expired')
      }
      return tokensFor(ctx, user, outcome.refreshToken)
    }
  )
}

function registerLogout(app: ZodApp, ctx: RouteContext): void {
  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], body: refreshRequestSchema, response: { 204: z.undefined() } } },
    async (request, reply) => {
      const userId = await revokeRefreshToken(ctx.db, request.body.refreshToken)
      if (userId) {
        await writeAudit(ctx.db, { action: 'auth.logout', actorId: userId, ip: request.ip })
      }
      return reply.code(204).send()
    }
  )
}

/** `POST /api/auth/login|refresh|logout` and `GET /api/me`. */
export function registerAuthRoutes(app: ZodApp, ctx: RouteContext): void {
  registerLogin(app, ctx)
  registerRefresh(app, ctx)
  registerLogout(app, ctx)
  app.get(
    '/api/me',
    { schema: { tags: ['auth'], response: { 200: sessionUserSchema } } },
    async (request) => {
      const claims = await authenticate(request, ctx.tokens)
      const user = await findUserById(ctx.db, claims.userId)
      if (!user) throw new HttpAppError('unauthenticated', 'The user no longer exists')
      return user
    }
  )
}
