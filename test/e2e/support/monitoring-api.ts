/**
 * The server's monitoring API as a test calls it, logged in through the API as other specs do:
 * asking for a grant (as a lead), redeeming one (as the agent), ending a session, setting the
 * centre's policy (as the admin), and reading an agent's current call off the live floor (the
 * realtime socket a lead's desk holds), since a grant names that call.
 */
import { loginAs } from '@support/server-api'
import { RealtimeClient } from '@support/realtime-client'
import type { MonitorMode } from '@shared/monitoring/monitoring'
import type { MonitoringPolicy } from '@shared/monitoring/monitoring-policy'
import { floorEntrySchema } from '@shared/presence/presence'
import type { RealtimeMessage } from '@shared/sync/protocol'

export interface ApiUser {
  id: string
  name: string
  token: string
}

export async function apiUser(serverUrl: string, username: string): Promise<ApiUser> {
  const session = await loginAs(serverUrl, username)
  return { id: session.user.id, name: session.user.displayName, token: session.accessToken }
}

async function post(
  serverUrl: string,
  user: ApiUser,
  path: string,
  body: unknown,
  method = 'POST'
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${serverUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
    body: JSON.stringify(body)
  })
  const text = await res.text()
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null }
}

/** `POST /api/monitoring/grants` as `lead`: the reply's status and body, as they came. */
export function requestGrant(
  serverUrl: string,
  lead: ApiUser,
  body: { agentId: string; callId: string; mode: MonitorMode }
): Promise<{ status: number; json: unknown }> {
  return post(serverUrl, lead, '/api/monitoring/grants', body)
}

/** `POST /api/monitoring/redeem` as the grant's agent. */
export async function redeemGrant(serverUrl: string, agent: ApiUser, token: string) {
  return (await post(serverUrl, agent, '/api/monitoring/redeem', { token })).status
}

/** `POST /api/monitoring/sessions/:id/end` as its lead. */
export async function endSession(serverUrl: string, lead: ApiUser, sessionId: string) {
  const path = `/api/monitoring/sessions/${sessionId}/end`
  return (await post(serverUrl, lead, path, { reason: 'stopped' })).status
}

/** `PUT /api/admin/configuration/monitoring` as the admin. */
export async function putMonitoringPolicy(
  serverUrl: string,
  admin: ApiUser,
  policy: MonitoringPolicy
): Promise<number> {
  const path = '/api/admin/configuration/monitoring'
  return (await post(serverUrl, admin, path, policy, 'PUT')).status
}

/** The id of `agentId`'s current call as the floor shows it to `lead`. */
export async function callOnFloor(
  serverUrl: string,
  lead: ApiUser,
  agentId: string
): Promise<string> {
  const url = `${serverUrl.replace(/^http/, 'ws')}/api/realtime?token=${lead.token}`
  const client = new RealtimeClient(url)
  const callIn = (message: RealtimeMessage): string | null => {
    const entries =
      message.type === 'floor'
        ? message.entries
        : message.type === 'floor:entry'
          ? [message.entry]
          : []
    for (const raw of entries) {
      const entry = floorEntrySchema.safeParse(raw)
      if (entry.success && entry.data.agentId === agentId && entry.data.presence.call) {
        return entry.data.presence.call.id
      }
    }
    return null
  }
  try {
    const message = await client.next((m) => callIn(m) !== null, 15_000)
    return callIn(message) ?? ''
  } finally {
    client.socket.close()
  }
}
