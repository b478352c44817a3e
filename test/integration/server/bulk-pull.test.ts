/**
 * `GET /api/sync/bulk`: the same changes as the paged pull, for the same caller, in one NDJSON
 * stream ending with the cursor trailer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ZodApp } from '../../../src/server/routes/route-context'
import { bulkPullTrailerSchema } from '../../../src/shared/sync/bulk-pull'
import { changeSchema, PROTOCOL_VERSION, type Change } from '../../../src/shared/sync/protocol'
import { engines, createTestDatabase, type TestDatabase } from '../../support/server-db'
import {
  buildTestApp,
  complaintMutation,
  login,
  pullAll,
  push,
  syncHeaders
} from '../../support/server-app'

const CUSTOMERS = 25

describe.each(engines)('bulk pull on %s', (engine) => {
  let database: TestDatabase
  let app: ZodApp
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    database = await createTestDatabase(engine, { customers: CUSTOMERS })
    app = await buildTestApp(database.db)
    for (const user of ['ana', 'diego', 'tomas', 'admin']) {
      tokens[user] = (await login(app, user)).accessToken
    }
    // A complaint of team Sur: diego's and the admin's, never ana's (team Norte) or tomas's.
    await push(app, tokens['diego'] ?? '', [complaintMutation()])
  })
  afterAll(async () => {
    await app.close()
    await database.dispose()
  })

  async function bulk(user: string, cursor = 0) {
    const response = await app.inject({
      method: 'GET',
      url: `/api/sync/bulk?cursor=${cursor}`,
      headers: syncHeaders(tokens[user] ?? '')
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/)
    expect(response.body.endsWith('\n')).toBe(true)
    const lines = response.body.split('\n').slice(0, -1)
    const trailer = bulkPullTrailerSchema.parse(JSON.parse(lines.pop() ?? ''))
    const changes: Change[] = lines.map((l) => changeSchema.parse(JSON.parse(l)))
    return { changes, cursor: trailer.cursor }
  }

  it.each(['ana', 'diego', 'tomas', 'admin'])(
    'streams to %s exactly what the paged pull gives, then the cursor',
    async (user) => {
      const streamed = await bulk(user)
      const paged = await pullAll(app, tokens[user] ?? '', 0, 7)
      expect(streamed.changes).toEqual(paged.changes)
      expect(streamed.cursor).toBe(paged.cursor)
    }
  )

  it('keeps a team complaint to that team and the admin', async () => {
    const complaints = async (user: string) =>
      (await bulk(user)).changes.filter((c) => c.entity === 'complaint').length
    expect(await complaints('diego')).toBe(1)
    expect(await complaints('admin')).toBe(1)
    expect(await complaints('ana')).toBe(0)
    expect(await complaints('tomas')).toBe(0)
  })

  it('starts after the cursor it is given', async () => {
    const all = await bulk('admin')
    const later = await bulk('admin', 10)
    expect(later.changes).toEqual(all.changes.filter((c) => c.seq > 10))
    expect(later.cursor).toBe(all.cursor)
    expect(await bulk('admin', all.cursor)).toEqual({ changes: [], cursor: all.cursor })
  })

  it('refuses a caller without a token or with another protocol version', async () => {
    const anonymous = await app.inject({
      method: 'GET',
      url: '/api/sync/bulk',
      headers: { 'x-atiende-protocol': String(PROTOCOL_VERSION) }
    })
    expect(anonymous.statusCode).toBe(401)
    const old = await app.inject({
      method: 'GET',
      url: '/api/sync/bulk',
      headers: { ...syncHeaders(tokens['ana'] ?? ''), 'x-atiende-protocol': '1' }
    })
    expect(old.statusCode).toBe(426)
  })
})
