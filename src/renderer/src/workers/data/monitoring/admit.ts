/**
 * `monitoring:admit`: an agent's desk decides on a monitoring INVITE. The grant is checked here
 * first (signature with the cached keys, expiry with skew, this agent, one of the desk's calls);
 * a grant refused here is reported to the server for the audit (best effort) and refused. A grant
 * that passes is redeemed with the server, once; a desk that cannot reach the server refuses
 * (`server_unreachable`): nothing is ever answered unredeemed.
 */
import { decodeJwt } from 'jose'

import type { MonitorOutcome } from '@shared/contract/worker'
import { verifyMonitorGrant } from '@shared/monitoring/grant-verify'
import type { MonitorGrantClaims, MonitorRefusal } from '@shared/monitoring/monitoring'
import { redeemReplySchema, type RefusalReport } from '@shared/monitoring/monitoring-api'

import type { ServerAccess } from '../session/session'
import type { GrantKeys } from './grant-keys'
import { monitoringCall } from './server-calls'

export interface AdmitArgs {
  token: string
  callIds: string[]
  from: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const uuidOrNull = (value: unknown): string | null =>
  typeof value === 'string' && UUID.test(value) ? value : null

/** What the unverified token claims, for the audit only: it proves nothing. */
function claimed(token: string): { sessionId: string | null; claimedLeadId: string | null } {
  try {
    const payload = decodeJwt(token)
    return { sessionId: uuidOrNull(payload.jti), claimedLeadId: uuidOrNull(payload['lead']) }
  } catch {
    return { sessionId: null, claimedLeadId: null }
  }
}

/** Tells the server the desk refused a grant by itself; a failure to tell it changes nothing. */
async function report(server: ServerAccess, args: AdmitArgs, reason: MonitorRefusal) {
  const body: RefusalReport = { reason, ...claimed(args.token), from: args.from.slice(0, 256) }
  await monitoringCall(server, {
    method: 'POST',
    path: '/api/monitoring/refusals',
    body,
    status: 204,
    reply: null
  })
}

export async function admitGrant(
  server: ServerAccess,
  keys: GrantKeys,
  agentId: string,
  args: AdmitArgs,
  now: () => Date = () => new Date()
): Promise<MonitorOutcome<{ claims: MonitorGrantClaims }>> {
  const expect = { agentId, callIds: args.callIds, now: now() }
  const cached = await keys.current()
  if (!cached) return { ok: false, reason: 'server_unreachable' }
  let check = await verifyMonitorGrant(args.token, cached, expect)
  if (!check.ok && check.unknownKey) {
    const fresh = await keys.refetch()
    if (!fresh) return { ok: false, reason: 'server_unreachable' }
    check = await verifyMonitorGrant(args.token, fresh, { ...expect, now: now() })
  }
  if (!check.ok) {
    // Not awaited: the lead's INVITE is refused now, whether or not the audit hears of it.
    void report(server, args, check.reason).catch(() => undefined)
    return { ok: false, reason: check.reason }
  }
  const answer = await monitoringCall(server, {
    method: 'POST',
    path: '/api/monitoring/redeem',
    body: { token: args.token },
    status: 200,
    reply: redeemReplySchema
  })
  if (answer.kind === 'refused') return { ok: false, reason: answer.reason }
  if (answer.kind === 'unreachable') return { ok: false, reason: 'server_unreachable' }
  return { ok: true, claims: answer.data.claims }
}
