/**
 * `practice:admitRoleplay`: a desk decides on an INVITE carrying a role-play session
 * (src/shared/practice/roleplay.ts): the trainee's, or the trainer's when the trainee dials. The
 * token is checked here first with the cached server keys (the ones monitoring grants use), then
 * redeemed with the server, once, naming the call it arrived on. The trainer's desk takes only
 * the session it is waiting for (the console it opened for it), so a session it withdrew or
 * closed never rings. A desk that cannot reach the server refuses: a session is never used
 * unredeemed.
 */
import {
  ROLEPLAYS_PATH,
  roleplayRedeemedSchema,
  roleplayRefusedSchema,
  type RoleplayClaims,
  type RoleplayRefusal
} from '@shared/practice/roleplay'
import { verifyRoleplayToken } from '@shared/practice/roleplay-verify'

import type { GrantKeys } from '../monitoring/grant-keys'
import type { ServerAccess } from '../session/session'

export type RoleplayAdmission =
  { ok: true; claims: RoleplayClaims } | { ok: false; reason: RoleplayRefusal }

/** The server must answer while the INVITE waits: no longer than this. */
const REDEEM_TIMEOUT_MS = 5000

async function redeem(
  server: ServerAccess,
  token: string,
  callId: string
): Promise<RoleplayAdmission> {
  const send = () =>
    server.fetch(new URL(`${ROLEPLAYS_PATH}/redeem`, server.serverUrl).toString(), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.accessToken()}`,
        'content-type': 'application/json'
      },
      body: JSON.stringify({ token, callId }),
      signal: AbortSignal.timeout(REDEEM_TIMEOUT_MS)
    })
  let response: Response
  try {
    response = await send()
    if (response.status === 401) {
      await server.refreshTokens()
      response = await send()
    }
  } catch {
    return { ok: false, reason: 'server_unreachable' }
  }
  const body: unknown = await response.json().catch(() => null)
  if (response.ok) {
    const redeemed = roleplayRedeemedSchema.safeParse(body)
    return redeemed.success
      ? { ok: true, claims: redeemed.data.claims }
      : { ok: false, reason: 'server_unreachable' }
  }
  const refused = roleplayRefusedSchema.safeParse(body)
  if (refused.success) return { ok: false, reason: refused.data.reason }
  return { ok: false, reason: response.status === 403 ? 'invalid_session' : 'server_unreachable' }
}

export async function admitRoleplay(
  server: ServerAccess,
  keys: GrantKeys,
  userId: string,
  args: { token: string; callId: string; waitingFor: string | null },
  now: () => Date = () => new Date()
): Promise<RoleplayAdmission> {
  const cached = await keys.current()
  if (!cached) return { ok: false, reason: 'server_unreachable' }
  let check = await verifyRoleplayToken(args.token, cached, { userId, now: now() })
  if (!check.ok && check.unknownKey) {
    const fresh = await keys.refetch()
    if (!fresh) return { ok: false, reason: 'server_unreachable' }
    check = await verifyRoleplayToken(args.token, fresh, { userId, now: now() })
  }
  if (!check.ok) return { ok: false, reason: check.reason }
  if (check.claims.dir === 'trainee_calls' && check.claims.jti !== args.waitingFor) {
    return { ok: false, reason: 'not_for_this_desk' }
  }
  return redeem(server, args.token, args.callId)
}
