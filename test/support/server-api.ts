/** Reads what the central server holds, through its public API, to count records on that end. */
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pullResponseSchema
} from '../../src/shared/sync/protocol'
import { tokenResponseSchema } from '../../src/shared/sync/auth'
import type { Complaint } from '../../src/shared/domain/complaint'

export async function loginAs(baseUrl: string, username: string, password = 'atiende') {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password })
  })
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status}`)
  return tokenResponseSchema.parse(await res.json())
}

/** Every complaint the admin can see, latest version of each. */
export async function serverComplaints(baseUrl: string): Promise<Complaint[]> {
  const { accessToken } = await loginAs(baseUrl, 'admin')
  const byId = new Map<string, Complaint>()
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
    for (const change of page.changes) {
      if (change.entity === 'complaint') byId.set(change.data.id, change.data)
    }
    cursor = page.cursor
    if (!page.hasMore) return [...byId.values()]
  }
}
