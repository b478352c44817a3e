/**
 * Checks a role-play session token (roleplay.ts) as the trainee's desk and the server both do:
 * the server's signature (any published key), expiry with a little clock skew, this trainee.
 * Apart from the schemas so that only what verifies (the worker, the server) loads `jose`.
 */
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose'

import {
  MAX_ROLEPLAY_TOKEN_LENGTH,
  ROLEPLAY_ALG,
  ROLEPLAY_CLOCK_SKEW_SECONDS,
  ROLEPLAY_ISSUER,
  ROLEPLAY_TOKEN_TYPE,
  roleplayClaimsSchema,
  type RoleplayClaims,
  type RoleplayRefusal
} from './roleplay'

export type RoleplayCheck =
  { ok: true; claims: RoleplayClaims } | { ok: false; reason: RoleplayRefusal; unknownKey?: true }

/** Verifies a role-play token against `keys`, for `traineeId` at `now`; never throws. */
export async function verifyRoleplayToken(
  token: string,
  keys: JSONWebKeySet,
  expect: { traineeId: string; now: Date }
): Promise<RoleplayCheck> {
  if (token.length > MAX_ROLEPLAY_TOKEN_LENGTH) return { ok: false, reason: 'invalid_session' }
  let payload: unknown
  try {
    const result = await jwtVerify(token, createLocalJWKSet(keys), {
      algorithms: [ROLEPLAY_ALG],
      issuer: ROLEPLAY_ISSUER,
      typ: ROLEPLAY_TOKEN_TYPE,
      clockTolerance: ROLEPLAY_CLOCK_SKEW_SECONDS,
      currentDate: expect.now,
      requiredClaims: ['exp', 'iat', 'jti', 'sub']
    })
    payload = result.payload
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' }
    if (error instanceof errors.JWKSNoMatchingKey) {
      return { ok: false, reason: 'invalid_session', unknownKey: true }
    }
    return { ok: false, reason: 'invalid_session' }
  }
  const parsed = roleplayClaimsSchema.safeParse(payload)
  if (!parsed.success) return { ok: false, reason: 'invalid_session' }
  const claims = parsed.data
  if (claims.iat > expect.now.getTime() / 1000 + ROLEPLAY_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: 'invalid_session' }
  }
  if (claims.sub !== expect.traineeId) return { ok: false, reason: 'not_for_this_desk' }
  return { ok: true, claims }
}
