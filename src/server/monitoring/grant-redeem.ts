/**
 * `POST /api/monitoring/redeem`: the agent's desk redeems a grant it received, once. The grant is
 * checked as the desk checks it (grant-verify.ts, against the published keys, `sub` = the caller),
 * then against the live floor (the agent's call must still be the grant's), then claimed with one
 * atomic UPDATE so two redemptions racing on two instances cannot both win.
 */
import { decodeJwt } from 'jose'

import type { AccessClaims } from '../auth/access-tokens'
import { verifyMonitorGrant } from '@shared/monitoring/grant-verify'
import type { MonitorGrantClaims, MonitorRefusal } from '@shared/monitoring/monitoring'
import type { FloorEntry } from '@shared/presence/presence'
import type { Db } from '../db/db'
import type { MonitoringKeys } from './monitoring-keys'
import { readSession, recordEvent } from './monitoring-rows'

export interface RedeemContext {
  db: Db
  keys: MonitoringKeys
  floorEntryOf: (agentId: string) => FloorEntry | null
  now?: () => Date
}

export type RedeemOutcome =
  { ok: true; claims: MonitorGrantClaims } | { ok: false; reason: MonitorRefusal }

/** The unverified claims a token carries, for the check's expectations and the audit only. */
function unverified(token: string): { jti: string | null; call: string | null } {
  try {
    const payload = decodeJwt(token)
    return {
      jti: typeof payload.jti === 'string' ? payload.jti : null,
      call: typeof payload['call'] === 'string' ? payload['call'] : null
    }
  } catch {
    return { jti: null, call: null }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

async function verify(ctx: RedeemContext, token: string, claims: AccessClaims, call: string) {
  const expect = { agentId: claims.userId, callIds: [call], now: ctx.now?.() ?? new Date() }
  const first = await verifyMonitorGrant(token, { keys: await ctx.keys.published() }, expect)
  // Another instance may have rotated since this one read the keys.
  if (first.ok || !first.unknownKey) return first
  return verifyMonitorGrant(token, { keys: await ctx.keys.refresh() }, expect)
}

async function check(
  ctx: RedeemContext,
  claims: AccessClaims,
  token: string
): Promise<RedeemOutcome> {
  const { call } = unverified(token)
  const checked = await verify(ctx, token, claims, call ?? '')
  if (!checked.ok) return { ok: false, reason: checked.reason }
  const grant = checked.claims
  const entry = ctx.floorEntryOf(claims.userId)
  // A desk not on the floor (its socket reconnecting) is no proof the call changed.
  if (entry?.status === 'live' && entry.presence.call?.id !== grant.call) {
    return { ok: false, reason: 'call_changed' }
  }
  const claimed = await ctx.db.query<{ id: string }>(
    `UPDATE monitoring_sessions SET redeemed_at = now()
     WHERE id = $1 AND agent_id = $2 AND method = 'builtin' AND redeemed_at IS NULL
       AND ended_at IS NULL
     RETURNING id`,
    [grant.jti, claims.userId]
  )
  if (claimed.length === 0) {
    const session = await readSession(ctx.db, grant.jti)
    return { ok: false, reason: session ? 'already_used' : 'unknown_grant' }
  }
  return { ok: true, claims: grant }
}

/** Redeems a grant for the calling agent; every outcome is recorded with its audit row. */
export async function redeemGrant(
  ctx: RedeemContext,
  claims: AccessClaims,
  token: string,
  ip: string
): Promise<RedeemOutcome> {
  const outcome = await check(ctx, claims, token)
  if (outcome.ok) {
    await recordEvent(ctx.db, {
      sessionId: outcome.claims.jti,
      kind: 'redeemed',
      mode: outcome.claims.mode,
      actorId: claims.userId,
      ip
    })
    return outcome
  }
  // Only a grant the server signed names its session; a forged one's jti proves nothing.
  const { jti: claimed } = unverified(token)
  const jti = claimed !== null && UUID.test(claimed) ? claimed : null
  const named =
    outcome.reason !== 'invalid_grant' && jti !== null ? await readSession(ctx.db, jti) : null
  await recordEvent(ctx.db, {
    sessionId: named?.id ?? null,
    kind: 'refused',
    detail: outcome.reason,
    actorId: claims.userId,
    ip,
    audit: { stage: 'redeem', ...(named ? {} : { claimedSessionId: jti }) }
  })
  return outcome
}
