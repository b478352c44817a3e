/**
 * A value the route's schema let through but the database refuses is the request's fault (400),
 * never a 500: a script version past PostgreSQL's integer range in the path.
 */
import { beforeAll, expect, it } from 'vitest'

import { login } from '../../support/server-app'
import { describeOnEngines } from '@support/engine-suite'

describeOnEngines('values the database refuses, on %s', { customers: 1 }, ({ app }) => {
  let admin: string

  beforeAll(async () => {
    admin = (await login(app, 'admin')).accessToken
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
