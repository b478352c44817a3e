/**
 * `POST /api/monitoring/grants`: a lead asks to monitor an agent's call. Checked here, in order:
 * the requester (a lead of the agent's team, or an admin), the mode (the policy's for the role),
 * the agent's live floor entry (a call, the one the lead saw, not practice). Then a session is
 * recorded and, with the built-in method, a grant signed; with the PBX method, the PBX's dial
 * string answered instead. A refusal is recorded too (no session), with its audit row.
 */
import { SignJWT } from 'jose'

import type { AccessClaims } from '../auth/access-tokens'
import type { MonitorStartBody, MonitorStartReply } from '@shared/monitoring/monitoring-api'
import {
  MONITOR_GRANT_ISSUER,
  MONITOR_GRANT_TTL_SECONDS,
  MONITOR_GRANT_TYPE,
  type MonitorGrantClaims,
  type MonitorMode,
  type MonitorRefusal
} from '@shared/monitoring/monitoring'
import { MONITOR_GRANT_ALG } from '@shared/monitoring/grant-verify'
import { pbxDialString, permittedModes } from '@shared/monitoring/monitoring-policy'
import type { FloorEntry } from '@shared/presence/presence'
import type { Db } from '../db/db'
import type { MonitoringKeys } from './monitoring-keys'
import { insertSession, recordEvent } from './monitoring-rows'
import { readMonitoringPolicy } from './policy-routes'

export interface IssueContext {
  db: Db
  keys: MonitoringKeys
  /** The agent's live-floor entry on this instance (every instance holds the whole floor). */
  floorEntryOf: (agentId: string) => FloorEntry | null
  sipDomain: string
  /** Grant lifetime; tests shorten it. */
  ttlSeconds?: number
  now?: () => Date
}

export type IssueOutcome =
  { ok: true; reply: MonitorStartReply } | { ok: false; reason: MonitorRefusal }

interface PersonRow {
  id: string
  role: string
  team_id: string | null
  display_name: string
  sip_extension: string | null
}

async function person(db: Db, id: string): Promise<PersonRow | null> {
  const rows = await db.query<PersonRow>(
    'SELECT id, role, team_id, display_name, sip_extension FROM users WHERE id = $1',
    [id]
  )
  return rows[0] ?? null
}

/** Why the call named cannot be monitored now, or null when it can. */
export function callRefusal(entry: FloorEntry | null, callId: string): MonitorRefusal | null {
  const call = entry?.status === 'live' ? entry.presence.call : null
  if (!call) return 'agent_not_on_call'
  if (call.id !== callId) return 'call_changed'
  if (call.practice) return 'practice_call'
  return null
}

async function check(
  ctx: IssueContext,
  claims: AccessClaims,
  body: MonitorStartBody
): Promise<
  | { ok: false; reason: MonitorRefusal }
  | { ok: true; agent: PersonRow & { team_id: string }; modes: MonitorMode[]; leadName: string }
> {
  if (claims.role !== 'team_lead' && claims.role !== 'admin') {
    return { ok: false, reason: 'not_permitted' }
  }
  const agent = await person(ctx.db, body.agentId)
  if (!agent || agent.role !== 'agent' || agent.team_id === null) {
    return { ok: false, reason: 'not_permitted' }
  }
  if (claims.role === 'team_lead' && agent.team_id !== claims.teamId) {
    return { ok: false, reason: 'not_permitted' }
  }
  const policy = await readMonitoringPolicy(ctx.db)
  const modes = permittedModes(policy, claims.role)
  if (!modes.includes(body.mode)) return { ok: false, reason: 'mode_not_permitted' }
  const refusal = callRefusal(ctx.floorEntryOf(agent.id), body.callId)
  if (refusal) return { ok: false, reason: refusal }
  // A desk without an extension takes practice calls only: there is nothing to dial.
  if (!agent.sip_extension) return { ok: false, reason: 'agent_not_on_call' }
  const lead = await person(ctx.db, claims.userId)
  if (!lead) return { ok: false, reason: 'not_permitted' }
  return {
    ok: true,
    agent: { ...agent, team_id: agent.team_id },
    modes,
    leadName: lead.display_name
  }
}

/** Checks, records and answers one request to monitor. */
export async function issueGrant(
  ctx: IssueContext,
  claims: AccessClaims,
  body: MonitorStartBody,
  ip: string
): Promise<IssueOutcome> {
  const checked = await check(ctx, claims, body)
  if (!checked.ok) {
    await recordEvent(ctx.db, {
      sessionId: null,
      kind: 'refused',
      mode: body.mode,
      detail: checked.reason,
      actorId: claims.userId,
      ip,
      audit: { agentId: body.agentId, callId: body.callId, stage: 'issue' }
    })
    return checked
  }
  const { agent, modes, leadName } = checked
  const policy = await readMonitoringPolicy(ctx.db)
  const issuedAt = ctx.now?.() ?? new Date()
  const ttl = ctx.ttlSeconds ?? MONITOR_GRANT_TTL_SECONDS
  const expiresAt = new Date(issuedAt.getTime() + ttl * 1000)
  const sessionId = crypto.randomUUID()
  const extension = agent.sip_extension ?? ''
  await ctx.db.transaction(async (tx) => {
    await insertSession(tx, {
      id: sessionId,
      method: policy.method,
      leadId: claims.userId,
      agentId: agent.id,
      teamId: agent.team_id,
      callId: body.callId,
      mode: body.mode,
      modes,
      issuedAt,
      expiresAt
    })
    await recordEvent(tx, {
      sessionId,
      kind: 'issued',
      mode: body.mode,
      detail: policy.method,
      actorId: claims.userId,
      ip,
      audit: { agentId: agent.id, callId: body.callId, modes }
    })
  })
  if (policy.method === 'pbx') {
    return {
      ok: true,
      reply: {
        method: 'pbx',
        sessionId,
        mode: body.mode,
        modes,
        dialString: pbxDialString(policy, body.mode, extension),
        switchKeys: policy.pbx.switchKeys,
        dtmfMethod: policy.pbx.dtmfMethod
      }
    }
  }
  const iat = Math.floor(issuedAt.getTime() / 1000)
  const grant: MonitorGrantClaims = {
    iss: MONITOR_GRANT_ISSUER,
    jti: sessionId,
    sub: agent.id,
    lead: claims.userId,
    leadName,
    call: body.callId,
    mode: body.mode,
    modes,
    iat,
    exp: iat + ttl
  }
  const signing = await ctx.keys.signingKey()
  const token = await new SignJWT({ ...grant })
    .setProtectedHeader({ alg: MONITOR_GRANT_ALG, kid: signing.kid, typ: MONITOR_GRANT_TYPE })
    .sign(signing.key)
  return {
    ok: true,
    reply: {
      method: 'builtin',
      sessionId,
      mode: body.mode,
      modes,
      token,
      target: `sip:${extension}@${ctx.sipDomain}`,
      expiresAt: new Date(grant.exp * 1000).toISOString()
    }
  }
}
