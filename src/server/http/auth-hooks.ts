/** Turns a request's bearer token into claims, or refuses it with 401. */
import type { FastifyRequest } from 'fastify'

import type { Role } from '@shared/domain/user'
import { HttpAppError } from './app-error'
import type { AccessClaims, AccessTokenIssuer } from '../auth/access-tokens'

const BEARER = /^Bearer\s+(\S+)$/i

/** The caller's claims; throws `unauthenticated` when the token is missing, forged or expired. */
export async function authenticate(
  request: FastifyRequest,
  tokens: AccessTokenIssuer
): Promise<AccessClaims> {
  const header = request.headers.authorization
  const token = header ? BEARER.exec(header)?.[1] : undefined
  if (!token) throw new HttpAppError('unauthenticated', 'A bearer access token is required')
  const claims = await tokens.verify(token)
  if (!claims) throw new HttpAppError('unauthenticated', 'The access token is invalid or expired')
  return claims
}

const claimsByRequest = new WeakMap<FastifyRequest, AccessClaims>()

/**
 * An `onRequest` hook that authenticates before the body is even read, so an anonymous caller
 * gets 401 rather than a validation error.
 */
export function requireAuth(tokens: AccessTokenIssuer) {
  return async (request: FastifyRequest): Promise<void> => {
    claimsByRequest.set(request, await authenticate(request, tokens))
  }
}

/**
 * Like {@link requireAuth}, and refuses other roles with 403 before the body is validated, so a
 * caller who may not use the route never learns what a valid body looks like.
 */
export function requireRole(tokens: AccessTokenIssuer, allowed: readonly Role[], message: string) {
  const authenticated = requireAuth(tokens)
  return async (request: FastifyRequest): Promise<void> => {
    await authenticated(request)
    if (!allowed.includes(claimsOf(request).role)) throw new HttpAppError('forbidden', message)
  }
}

/** The claims `requireAuth` stored for this request. */
export function claimsOf(request: FastifyRequest): AccessClaims {
  const claims = claimsByRequest.get(request)
  if (!claims) throw new Error('claimsOf() called on a route without requireAuth')
  return claims
}
