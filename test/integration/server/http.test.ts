import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { beforeAll, expect, it } from 'vitest'

import type { Customer } from '@shared/domain/customer'
import { PROTOCOL_VERSION } from '@shared/sync/protocol'
import { describeOnEngines } from '@support/engine-suite'
import { buildTestApp, login, syncHeaders } from '../../support/server-app'

interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

describeOnEngines('HTTP surface on %s', {}, ({ engine, database, app }) => {
  let token: string

  beforeAll(async () => {
    token = (await login(app, 'ana')).accessToken
  })

  const postPush = (payload: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...syncHeaders(token), 'content-type': 'application/json', ...headers },
      payload
    })

  it('reports health with the protocol version and the engine', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      status: 'ok',
      protocolVersion: PROTOCOL_VERSION,
      database: engine
    })
  })

  it('publishes an OpenAPI document listing the routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>()
    expect(doc.openapi).toMatch(/^3\./)
    for (const path of [
      '/api/health',
      '/api/auth/login',
      '/api/auth/refresh',
      '/api/auth/logout',
      '/api/me',
      '/api/sync/push',
      '/api/sync/pull',
      '/api/customers/lookup'
    ]) {
      expect(doc.paths, path).toHaveProperty([path])
    }
    expect(doc.paths['/api/auth/login']).toHaveProperty('post')
  })

  it('answers an unknown route with 404 and the envelope', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nope?x=1' })
    expect(response.statusCode).toBe(404)
    expect(response.json<ErrorBody>().error).toEqual({
      code: 'not_found',
      message: 'No route for GET /api/nope'
    })
  })

  it('answers malformed JSON with 400 invalid_argument', async () => {
    const response = await postPush('{"protocolVersion": 1, "clientId": ')
    expect(response.statusCode).toBe(400)
    expect(response.json<ErrorBody>().error.code).toBe('invalid_argument')
  })

  it('answers a wrongly typed body with 400 and the zod issues', async () => {
    const response = await postPush(
      JSON.stringify({ protocolVersion: 'one', clientId: 5, mutations: [] })
    )
    expect(response.statusCode).toBe(400)
    const body = response.json<ErrorBody>()
    expect(body.error.code).toBe('invalid_argument')
    expect(Array.isArray(body.error.details)).toBe(true)
    expect(JSON.stringify(body.error.details)).toContain('clientId')
  })

  it('answers a body over the limit with 413 payload_too_large', async () => {
    const huge = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 10) })
    const response = await postPush(huge)
    expect(response.statusCode).toBe(413)
    expect(response.json<ErrorBody>().error.code).toBe('payload_too_large')
  })

  it('answers a login without a body with 400, never a 5xx', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login' })
    expect(response.statusCode).toBe(400)
    expect(response.json<ErrorBody>().error.code).toBe('invalid_argument')
  })

  it('looks a customer up by phone in any spelling', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/customers/lookup?phone=${encodeURIComponent('612 34 56 78')}&country=ES`,
      headers: { authorization: `Bearer ${token}` }
    })
    expect(response.statusCode).toBe(200)
    const body = response.json<{ e164: string; customers: Customer[] }>()
    expect(body.e164).toBe('+34612345678')
    expect(body.customers[0]).toMatchObject({ firstName: 'José', lastName: 'Núñez Peña' })
  })

  it('refuses a lookup without a token and with a non-number', async () => {
    const anonymous = await app.inject({
      method: 'GET',
      url: '/api/customers/lookup?phone=612345678'
    })
    expect(anonymous.statusCode).toBe(401)
    const junk = await app.inject({
      method: 'GET',
      url: '/api/customers/lookup?phone=hello&country=ES',
      headers: { authorization: `Bearer ${token}` }
    })
    expect(junk.statusCode).toBe(400)
  })

  it('explains how to build the browser edition when it is missing', async () => {
    const response = await app.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('npm run build:app')
  })

  it('serves the browser edition with a CSP and an index.html fallback', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atiende-static-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Atiende</title>')
    await writeFile(join(dir, 'app.js'), 'export {}')
    const site = await buildTestApp(database.db, { staticDir: dir })
    try {
      const index = await site.inject({ method: 'GET', url: '/' })
      expect(index.statusCode).toBe(200)
      expect(index.body).toContain('<title>Atiende</title>')
      const csp = String(index.headers['content-security-policy'])
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'")
      expect(csp).toContain("worker-src 'self' blob:")
      expect(csp).toMatch(/connect-src 'self' ws:\/\/\S+/)
      expect((await site.inject({ method: 'GET', url: '/app.js' })).statusCode).toBe(200)
      const deepLink = await site.inject({ method: 'GET', url: '/complaints/42' })
      expect(deepLink.body).toContain('<title>Atiende</title>')
      const api = await site.inject({ method: 'GET', url: '/api/missing' })
      expect(api.statusCode).toBe(404)
      expect(api.json<ErrorBody>().error.code).toBe('not_found')
    } finally {
      await site.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
