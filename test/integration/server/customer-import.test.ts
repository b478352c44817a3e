import { beforeAll, expect, it } from 'vitest'

import { login, pullAll } from '../../support/server-app'
import { describeOnEngines } from '@support/engine-suite'

const csv = (lines: string[]) =>
  ['external_ref,first_name,last_name,phones,emails,monetary_12m,recency_days', ...lines].join('\n')

describeOnEngines('customer CSV import on %s', {}, ({ database, app }) => {
  let adminToken: string
  let agentToken: string

  beforeAll(async () => {
    adminToken = (await login(app, 'admin')).accessToken
    agentToken = (await login(app, 'ana')).accessToken
  })

  const postCsv = (body: string, token: string, contentType = 'text/csv') =>
    app.inject({
      method: 'POST',
      url: '/api/admin/customers/import?country=ES',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      payload: body
    })

  it('creates new customers, updates by external_ref and reports bad rows', async () => {
    const first = await postCsv(
      csv([
        'IMP-1,Lucía,Gómez,612 000 111,lucia@example.com,2500,10',
        'IMP-2,Mario,Sanz,not-a-phone,,0,400'
      ]),
      adminToken
    )
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ rows: 2, created: 1, updated: 0, rejected: 1 })
    expect(first.json<{ issues: { line: number }[] }>().issues[0]?.line).toBe(3)

    const second = await postCsv(csv(['IMP-1,Lucía,Gómez Ruiz,612 000 111,,100,20']), adminToken)
    expect(second.json()).toMatchObject({ rows: 1, created: 0, updated: 1, rejected: 0 })
    const rows = await database.db.query<{ n: number; last_name: string; tier: string }>(
      `SELECT count(*)::int AS n, max(last_name) AS last_name, max(tier) AS tier
       FROM customers WHERE external_ref = 'IMP-1'`
    )
    expect(rows[0]).toEqual({ n: 1, last_name: 'Gómez Ruiz', tier: 'standard' })
  })

  it('reaches agents through the change log', async () => {
    await postCsv(csv(['IMP-3,Inés,Prieto,+34 699 123 456,,0,30']), adminToken)
    const { changes } = await pullAll(app, agentToken)
    const imported = changes.find((c) => c.entity === 'customer' && c.data.externalRef === 'IMP-3')
    expect(imported?.entity === 'customer' ? imported.data.phones : null).toEqual([
      { e164: '+34699123456', kind: 'mobile' }
    ])
  })

  it('refuses non-admins, empty bodies and unreadable CSV with clear 4xx answers', async () => {
    expect((await postCsv(csv(['IMP-9,A,B,,,0,1']), agentToken)).statusCode).toBe(403)
    const empty = await postCsv('', adminToken)
    expect(empty.statusCode).toBe(400)
    const broken = await postCsv('external_ref,first_name\n"open,quote\n', adminToken)
    expect(broken.statusCode).toBe(400)
    expect(broken.json<{ error: { message: string } }>().error.message).toMatch(/Unreadable CSV/)
  })

  it('writes an audit entry for each import', async () => {
    const rows = await database.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'customers.imported'`
    )
    expect(rows[0]?.n).toBeGreaterThanOrEqual(3)
  })
})
