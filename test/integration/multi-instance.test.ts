/**
 * Two central server processes on one PostgreSQL, as behind a load balancer: a push through
 * instance A pokes a realtime client connected to instance B (LISTEN/NOTIFY), and pulls on B
 * return the rows written through A. PGlite is single-instance by nature and is not run here.
 */
import { randomBytes, randomUUID } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PROTOCOL_VERSION, pullResponseSchema, pushResponseSchema } from '@shared/sync/protocol'
import { RealtimeClient } from '../support/realtime-client'
import { loginAs } from '../support/server-api'
import { complaintArgs, complaintMutation, syncHeaders } from '../support/server-app'
import { createEmptyPostgresDatabase } from '../support/server-db'
import { ServerProcess } from '../support/server-process'

async function pullFrom(baseUrl: string, token: string, cursor: number) {
  const res = await fetch(`${baseUrl}/api/sync/pull?cursor=${cursor}&limit=5000`, {
    headers: syncHeaders(token)
  })
  expect(res.status).toBe(200)
  return pullResponseSchema.parse(await res.json())
}

async function pushTo(baseUrl: string, token: string, mutations: unknown[]) {
  const res = await fetch(`${baseUrl}/api/sync/push`, {
    method: 'POST',
    headers: { ...syncHeaders(token), 'content-type': 'application/json' },
    body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, clientId: randomUUID(), mutations })
  })
  expect(res.status).toBe(200)
  return pushResponseSchema.parse(await res.json())
}

describe('two server instances on one PostgreSQL', () => {
  let database: { url: string; dispose: () => Promise<void> }
  let a: ServerProcess
  let b: ServerProcess

  beforeAll(async () => {
    database = await createEmptyPostgresDatabase()
    // Instances behind one load balancer share the token secret and the database.
    const env = {
      DATABASE_URL: database.url,
      ATIENDE_JWT_SECRET: randomBytes(48).toString('base64url'),
      ATIENDE_SEED_CUSTOMERS: '50'
    }
    a = await ServerProcess.create(env)
    b = await ServerProcess.create(env)
    // Started together: migrations and seeding take turns under an advisory lock.
    await Promise.all([a.start(), b.start()])
  }, 120_000)

  afterAll(async () => {
    await Promise.all([a.stop(), b.stop()])
    await database.dispose()
  })

  it('pokes a client on B after a push through A, and B serves the new row', async () => {
    const ana = await loginAs(a.url, 'ana')
    const bruno = await loginAs(b.url, 'bruno')
    const onB = new RealtimeClient(
      `${b.url.replace('http', 'ws')}/api/realtime?token=${bruno.accessToken}`
    )
    try {
      await onB.next((m) => m.type === 'hello')
      const before = (await pullFrom(b.url, bruno.accessToken, 0)).cursor
      const args = complaintArgs({ description: `written through A ${randomUUID()}` })
      const mutation = complaintMutation(args)
      const pushed = await pushTo(a.url, ana.accessToken, [mutation])
      expect(pushed.results).toEqual([{ id: mutation.id, status: 'applied' }])
      const poke = await onB.next((m) => m.type === 'poke' && m.cursor >= pushed.cursor)
      expect(poke).toEqual({ type: 'poke', cursor: pushed.cursor })
      const page = await pullFrom(b.url, bruno.accessToken, before)
      const complaint = page.changes.find((c) => c.entity === 'complaint' && c.data.id === args.id)
      expect(complaint?.data).toMatchObject({ id: args.id, description: args.description })
    } finally {
      onB.close()
    }
  })

  it('seeds once although both instances started together', async () => {
    const admin = await loginAs(b.url, 'admin')
    const page = await pullFrom(b.url, admin.accessToken, 0)
    const customers = page.changes.filter((c) => c.entity === 'customer')
    expect(customers).toHaveLength(50)
  })
})
