/**
 * A value the route's schema let through but the database refuses is the request's fault (400),
 * never a 500: a script version past PostgreSQL's integer range in the path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ZodApp } from '@server/http/route-context'
import { buildTestApp, login } from '../../support/server-app'
import { createTestDatabase, engines, type TestDatabase } from '../../support/server-db'

describe.each(engines)('values the database refuses, on %s', (engine) => {
  let database: TestDatabase
  let app: ZodApp
  let admin: string

  beforeAll(async () => {
    database = await createTestDatabase(engine, { customers: 1 })
    app = await buildTestApp(database.db)
    admin = (await login(app, 'admin')).accessToken
  })
  afterAll(async () => {
    await app.close()
    await database.dispose()
  })

  it('answers a script version out of the integer range with 400', async () => {
    for (const [method, url] of [
      ['GET', '/api/scripts/demo/versions/99999999999999/analytics'],
      ['POST', '/api/scripts/demo/versions/99999999999999/publish']
    ] as const) {
      const response = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${admin}` }
      })
      expect(response.statusCode, url).toBe(400)
      expect(response.json<{ error: { code: string } }>().error.code).toBe('invalid_argument')
    }
  })
})
