/**
 * `GET /api/sync/bulk`: the same changes as the paged pull, for the same caller, in one NDJSON
 * stream ending with the cursor trailer; customers in blocks of cache rows (protocol 7).
 */
import { beforeAll, expect, it } from 'vitest'
import { z } from 'zod'

import { backfillCustomerCacheRows } from '@server/customers/cache-row-backfill'
import { bulkPullTrailerSchema } from '@shared/sync/bulk-pull'
import { customerCacheRow } from '@shared/sync/customer-cache-row'
import { changeSchema, PROTOCOL_VERSION, type Change } from '@shared/sync/protocol'
import { describeOnEngines } from '@support/engine-suite'
import { complaintMutation, login, pullAll, push, syncHeaders } from '../../support/server-app'

const CUSTOMERS = 25

describeOnEngines('bulk pull on %s', { customers: CUSTOMERS }, ({ database, app }) => {
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    for (const user of ['ana', 'diego', 'tomas', 'admin']) {
      tokens[user] = (await login(app, user)).accessToken
    }
    // A complaint of team Sur: diego's and the admin's, never ana's (team Norte) or tomas's.
    await push(app, tokens['diego'] ?? '', [complaintMutation()])
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
    const blocks = lines.filter((l) => l.startsWith('['))
    const changes: Change[] = lines
      .filter((l) => !l.startsWith('['))
      .map((l) => changeSchema.parse(JSON.parse(l)))
    const rows = z
      .array(z.unknown())
      .parse(JSON.parse(`[${blocks.map((b) => b.slice(1, -1)).join(',')}]`))
    return { changes, customerRows: rows, blockLines: blocks.length, cursor: trailer.cursor }
  }

  /** The paged pull's changes in the bulk stream's form: customers as cache rows. */
  function asStreamed(changes: readonly Change[]) {
    const customers = changes.flatMap((c) => (c.entity === 'customer' ? [c] : []))
    return {
      changes: changes.filter((c) => c.entity !== 'customer'),
      customerRows: customers.map((c) => customerCacheRow(c.data))
    }
  }

  it.each(['ana', 'diego', 'tomas', 'admin'])(
    'streams to %s exactly what the paged pull gives, then the cursor',
    async (user) => {
      const streamed = await bulk(user)
      const paged = await pullAll(app, tokens[user] ?? '', 0, 7)
      expect(streamed).toMatchObject(asStreamed(paged.changes))
      expect(asStreamed(paged.changes).customerRows).toHaveLength(CUSTOMERS)
      expect(streamed.changes.some((c) => c.entity === 'customer')).toBe(false)
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
    const all = await pullAll(app, tokens['admin'] ?? '', 0, 100)
    const later = await bulk('admin', 10)
    expect(later).toMatchObject(asStreamed(all.changes.filter((c) => c.seq > 10)))
    expect(later.cursor).toBe(all.cursor)
    expect(await bulk('admin', all.cursor)).toMatchObject({
      changes: [],
      customerRows: [],
      blockLines: 0,
      cursor: all.cursor
    })
  })

  it('streams customers written before cache rows as change lines until the backfill', async () => {
    const before = await bulk('admin')
    await database.db.query(
      `UPDATE change_log SET cache_row = NULL
       WHERE seq IN (SELECT seq FROM change_log WHERE entity = 'customer' ORDER BY seq LIMIT 3)`
    )
    const old = await bulk('admin')
    expect(old.changes.filter((c) => c.entity === 'customer')).toHaveLength(3)
    expect(old.customerRows).toEqual(before.customerRows.slice(3))
    // The same customers either way, once read as the cache would store them.
    expect(asStreamed(old.changes).customerRows).toEqual(before.customerRows.slice(0, 3))

    expect(await backfillCustomerCacheRows(database.db)).toBe(3)
    expect(await backfillCustomerCacheRows(database.db)).toBe(0)
    expect(await bulk('admin')).toEqual(before)
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
