/** Reads what the central server holds, through its public API, to count records on that end. */
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pullResponseSchema,
  type Change
} from '@shared/sync/protocol'
import { tokenResponseSchema } from '@shared/sync/auth'
import type { AgentState } from '@shared/domain/agent-state'
import type { Callback } from '@shared/domain/callback'
import type { Complaint } from '@shared/domain/complaint'
import type { Disposition } from '@shared/domain/disposition'
import type { Interaction } from '@shared/domain/interaction'
import { scriptAnalyticsSchema, type ScriptAnalytics } from '@shared/scripts/run-analytics'

export async function loginAs(baseUrl: string, username: string, password = 'atiende') {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password })
  })
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status}`)
  return tokenResponseSchema.parse(await res.json())
}

// One admin login per server: polling tests would otherwise trip the login rate limit.
const adminTokens = new Map<string, Promise<string>>()

function adminToken(baseUrl: string): Promise<string> {
  let token = adminTokens.get(baseUrl)
  if (!token) {
    token = loginAs(baseUrl, 'admin').then((t) => t.accessToken)
    token.catch(() => adminTokens.delete(baseUrl))
    adminTokens.set(baseUrl, token)
  }
  return token
}

/** Every change `accessToken` may pull, page after page, in order. */
async function pullEvery(baseUrl: string, accessToken: string): Promise<Change[]> {
  const changes: Change[] = []
  let cursor = 0
  for (;;) {
    const res = await fetch(`${baseUrl}/api/sync/pull?cursor=${cursor}&limit=5000`, {
      headers: {
        authorization: `Bearer ${accessToken}`,
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION)
      }
    })
    if (!res.ok) throw new Error(`pull failed: ${res.status}`)
    const page = pullResponseSchema.parse(await res.json())
    changes.push(...page.changes)
    cursor = page.cursor
    if (!page.hasMore) return changes
  }
}

/**
 * Every change the admin may pull. The admin's token is kept per server, and a suite that runs
 * longer than its life gets a 401: log in again once.
 */
async function adminPull(baseUrl: string): Promise<Change[]> {
  try {
    return await pullEvery(baseUrl, await adminToken(baseUrl))
  } catch (error) {
    if (!(error instanceof Error) || !error.message.endsWith(': 401')) throw error
    adminTokens.delete(baseUrl)
    return pullEvery(baseUrl, await adminToken(baseUrl))
  }
}

/** Every row the admin can pull, latest version of each, by entity. */
async function serverRows(baseUrl: string): Promise<Map<string, Change>> {
  const byKey = new Map<string, Change>()
  for (const change of await adminPull(baseUrl)) {
    // Configuration rows are keyed by code, the compensation limits are a single row.
    const data: object = change.data
    const key = 'id' in data ? data.id : 'code' in data ? data.code : ''
    byKey.set(`${change.entity}:${String(key)}`, change)
  }
  return byKey
}

/** Every complaint the admin can see, latest version of each. */
export async function serverComplaints(baseUrl: string): Promise<Complaint[]> {
  const rows = [...(await serverRows(baseUrl)).values()]
  return rows.flatMap((c) => (c.entity === 'complaint' ? [c.data] : []))
}

/** Every interaction record the admin can see. */
export async function serverInteractions(baseUrl: string): Promise<Interaction[]> {
  const rows = [...(await serverRows(baseUrl)).values()]
  return rows.flatMap((c) => (c.entity === 'interaction' ? [c.data] : []))
}

/** A script version's analytics as the admin sees them (production, or practice runs). */
export async function serverScriptAnalytics(
  baseUrl: string,
  scriptId: string,
  version: number,
  practice: boolean
): Promise<ScriptAnalytics> {
  const res = await fetch(
    `${baseUrl}/api/scripts/${scriptId}/versions/${String(version)}/analytics?practice=${String(practice)}`,
    { headers: { authorization: `Bearer ${await adminToken(baseUrl)}` } }
  )
  if (!res.ok) throw new Error(`script analytics failed: ${res.status}`)
  return scriptAnalyticsSchema.parse(await res.json())
}

/** Every agent state record the admin can see (each change of each agent's status). */
export async function serverAgentStates(baseUrl: string): Promise<AgentState[]> {
  const rows = [...(await serverRows(baseUrl)).values()]
  return rows.flatMap((c) => (c.entity === 'agent_state' ? [c.data] : []))
}

/** Every disposition the admin can see (production and practice). */
export async function serverDispositions(baseUrl: string): Promise<Disposition[]> {
  const rows = [...(await serverRows(baseUrl)).values()]
  return rows.flatMap((c) => (c.entity === 'disposition' ? [c.data] : []))
}

/** Every callback the admin can see, latest version of each. */
export async function serverCallbacks(baseUrl: string): Promise<Callback[]> {
  const rows = [...(await serverRows(baseUrl)).values()]
  return rows.flatMap((c) => (c.entity === 'callback' ? [c.data] : []))
}

/** The ids of the complaints `username` pulls: what reaches their desk. */
export async function complaintIdsSeenBy(baseUrl: string, username: string): Promise<string[]> {
  const { accessToken } = await loginAs(baseUrl, username)
  return (await pullEvery(baseUrl, accessToken)).flatMap((c) =>
    c.entity === 'complaint' ? [c.data.id] : []
  )
}
