/**
 * Checks a role-play session token (roleplay.ts) as the answering desk and the server both do:
 * the server's signature (any published key), expiry with a little clock skew, and that the one
 * answering is this desk's user: the trainee, or the trainer when the trainee dials (`dir`).
 * Apart from the schemas so that only what verifies (the worker, the server) loads `jose`.
 */
import type { JSONWebKeySet } from 'jose'

import { verifySignedToken } from '../signing/signed-token'
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

/** Who answers a session's call: the trainee, unless the trainee dials. */
export function answererOf(claims: RoleplayClaims): string {
  return claims.dir === 'trainee_calls' ? claims.trainer.id : claims.sub
}

/** Verifies a role-play token against `keys`, answered by `userId` at `now`; never throws. */
export async function verifyRoleplayToken(
  token: string,
  keys: JSONWebKeySet,
  expect: { userId: string; now: Date }
): Promise<RoleplayCheck> {
  if (token.length > MAX_ROLEPLAY_TOKEN_LENGTH) return { ok: false, reason: 'invalid_session' }
  const kind = {
    alg: ROLEPLAY_ALG,
    typ: ROLEPLAY_TOKEN_TYPE,
    issuer: ROLEPLAY_ISSUER,
    clockSkewSeconds: ROLEPLAY_CLOCK_SKEW_SECONDS
  }
  const signed = await verifySignedToken(token, keys, kind, expect.now)
  if (!signed.ok) {
    if (signed.reason === 'expired') return { ok: false, reason: 'expired' }
    return signed.unknownKey
      ? { ok: false, reason: 'invalid_session', unknownKey: true }
      : { ok: false, reason: 'invalid_session' }
  }
  const parsed = roleplayClaimsSchema.safeParse(signed.payload)
  if (!parsed.success) return { ok: false, reason: 'invalid_session' }
  if (answererOf(parsed.data) !== expect.userId) return { ok: false, reason: 'not_for_this_desk' }
  return { ok: true, claims: parsed.data }
}
