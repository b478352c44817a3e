import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { complaintArgs, complaintMutation, login, push } from '../../support/server-app'
import { describeOnEngines } from '@support/engine-suite'

const NUL = '\u0000'
const LONE = '\ud800'

interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

describeOnEngines(
  'the text rule at the HTTP edge, on %s',
  { customers: 3 },
  ({ database, app }) => {
    let adminToken: string
    let anaToken: string

    beforeAll(async () => {
      adminToken = (await login(app, 'admin')).accessToken
      anaToken = (await login(app, 'ana')).accessToken
    })

    it('refuses credentials with a NUL or a lone surrogate with 400 naming the field', async () => {
      for (const [username, password, field] of [
        [`ana${NUL}`, 'atiende', 'body.username'],
        ['ana', `atiende${LONE}`, 'body.password']
      ] as const) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password }
        })
        expect(response.statusCode).toBe(400)
        const body = response.json<ErrorBody>()
        expect(body.error.code).toBe('invalid_argument')
        expect(body.error.message).toContain(field)
      }
      // The server is still well, and the real login still works.
      expect((await login(app, 'ana')).user.username).toBe('ana')
    })

    it('refuses what an admin typed with a control character, in the body and the query', async () => {
      const label = await app.inject({
        method: 'POST',
        url: '/api/admin/configuration/disposition-codes',
        headers: { authorization: `Bearer ${adminToken}` },
        payload: { code: 'poison', label: { es: `Veneno${NUL}`, en: 'Poison' } }
      })
      expect(label.statusCode).toBe(400)
      expect(label.json<ErrorBody>().error.message).toContain('body.label.es')

      const lookup = await app.inject({
        method: 'GET',
        url: `/api/customers/lookup?phone=${encodeURIComponent(`612${NUL}345678`)}`,
        headers: { authorization: `Bearer ${anaToken}` }
      })
      expect(lookup.statusCode).toBe(400)
      expect(lookup.json<ErrorBody>().error.message).toContain('query.phone')
    })

    it('refuses a script file with an escaped control character where it stands', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/scripts',
        headers: { authorization: `Bearer ${adminToken}` },
        payload: { source: 'id: poison\nversion: 1\ntitle: "bad\\u0001title"\n' }
      })
      expect(response.statusCode).toBe(400)
      expect(JSON.stringify(response.json<ErrorBody>().error.details)).toContain(
        'title: contains a control character'
      )
    })

    it('imports a CSV row by row: free text cleaned, a poisoned external_ref refused', async () => {
      const csv = [
        'external_ref,first_name,last_name,notes',
        `TXT-1,Lu${NUL}cía,Gómez\u0007,"one\r\ntwo"`,
        `TXT-2${NUL},Mario,Sanz,`,
        'TXT-3,Eva,Ruiz,'
      ].join('\n')
      const response = await app.inject({
        method: 'POST',
        url: '/api/admin/customers/import?country=ES',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv' },
        payload: csv
      })
      expect(response.statusCode).toBe(200)
      const report = response.json<{ created: number; rejected: number; issues: unknown[] }>()
      expect(report).toMatchObject({ created: 2, rejected: 1 })
      expect(JSON.stringify(report.issues)).toContain('external_ref must not contain')
      const rows = await database.db.query<{
        first_name: string
        last_name: string
        notes: string
      }>("SELECT first_name, last_name, notes FROM customers WHERE external_ref = 'TXT-1'")
      expect(rows[0]).toEqual({ first_name: 'Lucía', last_name: 'Gómez', notes: 'one\ntwo' })
    })

    it('cleans pushed free text, refuses a pushed identifier, and applies the rest of the push', async () => {
      const clean = complaintMutation(complaintArgs({ description: 'First, all fine' }))
      const dirtyArgs = complaintArgs({
        description: `Second${NUL} with${LONE} poison\r\nand a break`
      })
      const dirty = complaintMutation(dirtyArgs)
      const badId = complaintMutation(complaintArgs({ callId: `call${NUL}` }))
      const last = complaintMutation(complaintArgs({ description: 'Last, all fine' }))
      const response = await push(app, anaToken, [clean, dirty, badId, last])
      expect(response.results.map((r) => r.status)).toEqual([
        'applied',
        'applied',
        'rejected',
        'applied'
      ])
      const rows = await database.db.query<{ description: string }>(
        'SELECT description FROM complaints WHERE id = $1',
        [dirtyArgs.id]
      )
      expect(rows[0]?.description).toBe('Second with\ufffd poison\nand a break')
    })

    it('stores the refusal of a hostile name or key, cleaned, so a re-send gets the same answer', async () => {
      const badName = { ...complaintMutation(), name: `complaint.create${NUL}` }
      const badKey = {
        id: randomUUID(),
        name: 'callback.complete',
        args: { id: randomUUID(), completedAt: new Date().toISOString(), [`x${NUL}${LONE}`]: 1 }
      }
      const clientId = randomUUID()
      const first = await push(app, anaToken, [badName, badKey], clientId)
      // Refused for what they are (not a fault of the server's) and stored that way.
      expect(first.results.map((r) => r.status === 'rejected' && r.reason.code)).toEqual([
        'invalid_argument',
        'invalid_argument'
      ])
      expect(JSON.stringify(first.results)).not.toMatch(/\\u0000|\\ud800/)
      const again = await push(app, anaToken, [badName, badKey], clientId)
      expect(again.results).toEqual(first.results)
    })
  }
)
