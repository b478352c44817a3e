/**
 * Checks a monitoring grant: the server's signature (Ed25519, any of its published keys, so a
 * rotation does not strand grants in flight), then expiry with a little clock skew, then that it
 * names this desk's agent and a call the desk has. Used by the agent's data worker before anything
 * else and by the server when the grant is redeemed. Single use is the server's to enforce.
 */
import type { JSONWebKeySet } from 'jose'

import { verifySignedToken } from '../signing/signed-token'
import {
  MONITOR_CLOCK_SKEW_SECONDS,
  MONITOR_GRANT_ISSUER,
  MONITOR_GRANT_TYPE,
  monitorGrantClaimsSchema,
  type MonitorGrantClaims,
  type MonitorRefusal
} from './monitoring'

/** JWS algorithm of every grant. */
export const MONITOR_GRANT_ALG = 'EdDSA'

export interface GrantExpectation {
  /** This desk's agent. */
  agentId: string
  /** The desk's calls now (a grant for any other is refused). */
  callIds: readonly string[]
  now: Date
}

export type GrantCheck =
  | { ok: true; claims: MonitorGrantClaims }
  | {
      ok: false
      reason: MonitorRefusal
      /** No published key has the grant's `kid`: fetch the keys again, then check once more. */
      unknownKey?: true
    }

/** Verifies `token` against `keys` and what the desk expects; never throws. */
export async function verifyMonitorGrant(
  token: string,
  keys: JSONWebKeySet,
  expect: GrantExpectation
): Promise<GrantCheck> {
  const kind = {
    alg: MONITOR_GRANT_ALG,
    typ: MONITOR_GRANT_TYPE,
    issuer: MONITOR_GRANT_ISSUER,
    clockSkewSeconds: MONITOR_CLOCK_SKEW_SECONDS
  }
  const signed = await verifySignedToken(token, keys, kind, expect.now)
  if (!signed.ok) {
    if (signed.reason === 'expired') return { ok: false, reason: 'expired' }
    return signed.unknownKey
      ? { ok: false, reason: 'invalid_grant', unknownKey: true }
      : { ok: false, reason: 'invalid_grant' }
  }
  const parsed = monitorGrantClaimsSchema.safeParse(signed.payload)
  if (!parsed.success) return { ok: false, reason: 'invalid_grant' }
  const claims = parsed.data
  if (!claims.modes.includes(claims.mode)) return { ok: false, reason: 'invalid_grant' }
  if (claims.sub !== expect.agentId) return { ok: false, reason: 'not_for_this_desk' }
  if (!expect.callIds.includes(claims.call)) return { ok: false, reason: 'call_changed' }
  return { ok: true, claims }
}
