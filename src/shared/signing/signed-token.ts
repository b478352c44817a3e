/**
 * The server's signed tokens a desk checks without a round trip (a monitoring grant, a role-play
 * session): an EdDSA JWS under one of the server's published keys, of one `typ`, with `exp`,
 * `iat`, `jti` and `sub`, checked for expiry with a little clock skew and an `iat` not in the
 * future. What the claims mean is the caller's to check; this only says whether to trust them.
 */
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose'

export type SignedTokenCheck =
  | { ok: true; payload: unknown }
  | {
      ok: false
      reason: 'expired' | 'invalid'
      /** No published key has the token's `kid`: fetch the keys again, then check once more. */
      unknownKey?: true
    }

export interface SignedTokenKind {
  alg: string
  typ: string
  issuer: string
  clockSkewSeconds: number
}

export async function verifySignedToken(
  token: string,
  keys: JSONWebKeySet,
  kind: SignedTokenKind,
  now: Date
): Promise<SignedTokenCheck> {
  let payload: { iat?: number }
  try {
    const result = await jwtVerify(token, createLocalJWKSet(keys), {
      algorithms: [kind.alg],
      issuer: kind.issuer,
      typ: kind.typ,
      clockTolerance: kind.clockSkewSeconds,
      currentDate: now,
      requiredClaims: ['exp', 'iat', 'jti', 'sub']
    })
    payload = result.payload
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' }
    if (error instanceof errors.JWKSNoMatchingKey) {
      return { ok: false, reason: 'invalid', unknownKey: true }
    }
    return { ok: false, reason: 'invalid' }
  }
  // An `iat` from the future beyond the skew is a forged or badly clocked token either way.
  if ((payload.iat ?? 0) > now.getTime() / 1000 + kind.clockSkewSeconds) {
    return { ok: false, reason: 'invalid' }
  }
  return { ok: true, payload }
}
