import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sipAccountSchema } from '@shared/domain/sip-account'
import { readSipConfig } from '@server/sip/sip-account-routes'
import type { ZodApp } from '@server/http/route-context'
import { describeOnEngines } from '@support/engine-suite'
import { buildTestApp, login } from '../../support/server-app'

const sip = readSipConfig({
  ATIENDE_SIP_WS: 'ws://127.0.0.1:8081, wss://sip.example.com/ws',
  ATIENDE_SIP_DOMAIN: 'pbx.example.com'
})

describeOnEngines('GET /api/me/sip-account on %s', { app: false }, ({ database }) => {
  let app: ZodApp
  let bare: ZodApp

  beforeAll(async () => {
    const staticDir = mkdtempSync(join(tmpdir(), 'atiende-static-'))
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Atiende</title>')
    app = await buildTestApp(database.db, { sip, staticDir })
    bare = await buildTestApp(database.db)
  })
  afterAll(async () => {
    await app.close()
    await bare.close()
  })

  const get = async (target: ZodApp, username: string) => {
    const { accessToken } = await login(target, username)
    return target.inject({
      method: 'GET',
      url: '/api/me/sip-account',
      headers: { authorization: `Bearer ${accessToken}` }
    })
  }

  it('provisions each demo user with their extension and the configured servers', async () => {
    const response = await get(app, 'ana')
    expect(response.statusCode).toBe(200)
    const account = sipAccountSchema.parse(response.json())
    expect(account).toEqual({
      configured: true,
      uri: 'sip:1001@pbx.example.com',
      displayName: 'Ana Ortiz',
      authUser: '1001',
      password: '',
      wsServers: ['ws://127.0.0.1:8081', 'wss://sip.example.com/ws'],
      iceServers: [],
      dialPrefix: '',
      defaultCountry: 'ES'
    })
    const extensions = []
    for (const user of ['bruno', 'carla', 'tomas', 'admin']) {
      extensions.push(sipAccountSchema.parse((await get(app, user)).json()).authUser)
    }
    expect(extensions).toEqual(['1002', '2001', '3001', '9001'])
  })

  it('says the phone is not configured when the server has no SIP proxy', async () => {
    const account = sipAccountSchema.parse((await get(bare, 'ana')).json())
    expect(account).toMatchObject({
      configured: false,
      wsServers: [],
      uri: 'sip:1001@atiende.local'
    })
  })

  it('refuses an anonymous caller with 401', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/me/sip-account' })
    expect(response.statusCode).toBe(401)
    expect(response.json<{ error: { code: string } }>().error.code).toBe('unauthenticated')
  })

  it('lists the SIP proxy in the browser edition CSP connect-src', async () => {
    const response = await app.inject({ method: 'GET', url: '/' })
    const csp = response.headers['content-security-policy'] ?? ''
    expect(response.statusCode).toBe(200)
    expect(csp).toMatch(/connect-src [^;]*ws:\/\/127\.0\.0\.1:8081 wss:\/\/sip\.example\.com\/ws/)
  })
})

describe('readSipConfig', () => {
  it('has no proxy and no ICE server by default', () => {
    expect(readSipConfig({})).toEqual({
      wsServers: [],
      domain: 'atiende.local',
      iceServers: [],
      dialPrefix: '',
      defaultCountry: 'ES'
    })
  })

  it('refuses a SIP server that is not a WebSocket URL', () => {
    expect(() => readSipConfig({ ATIENDE_SIP_WS: 'http://pbx.example.com' })).toThrow(/ws:\/\//)
  })
})
