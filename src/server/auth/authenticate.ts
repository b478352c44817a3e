/** Turns a request's bearer token into claims, or refuses it with 401. */
import type { FastifyRequest } from 'fastify'

import { HttpAppError } from '../http/app-error'
import type { AccessClaims, AccessTokenIssuer } from './access-tokens'

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

/** The claims `requireAuth` stored for this request. */
export function claimsOf(request: FastifyRequest): AccessClaims {
  const claims = claimsByRequest.get(request)
  if (!claims) throw new Error('claimsOf() called on a route without requireAuth')
  return claims
}
