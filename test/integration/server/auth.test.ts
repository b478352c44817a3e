import { SignJWT } from 'jose'
import { expect, it } from 'vitest'

import type { TokenResponse } from '@shared/sync/auth'
import type { SessionUser } from '@shared/domain/user'
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@server/auth/access-tokens'
import type { ZodApp } from '@server/http/route-context'
import { describeOnEngines } from '@support/engine-suite'
import { TEST_JWT_SECRET, buildTestApp, login } from '../../support/server-app'

interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

describeOnEngines('auth on %s', {}, ({ database, app }) => {
  const tryLogin = (username: string, password: string, target: ZodApp = app) =>
    target.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
  const refresh = (refreshToken: string) =>
    app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })
  const me = (token: string) =>
    app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })

  it('logs a demo user in with an access token, a refresh token and the session user', async () => {
    const tokens = await login(app, 'ana')
    expect(tokens.expiresIn).toBe(900)
    expect(tokens.user).toMatchObject({ username: 'ana', role: 'agent', displayName: 'Ana Ortiz' })
    expect(tokens.user.teamId).not.toBeNull()
    expect(tokens.refreshToken.length).toBeGreaterThanOrEqual(20)
  })

  it('answers a wrong password and an unknown user alike, with 401 and the envelope', async () => {
    for (const response of [await tryLogin('ana', 'wrong'), await tryLogin('nobody', 'atiende')]) {
      expect(response.statusCode).toBe(401)
      expect(response.json<ErrorBody>().error).toEqual({
        code: 'unauthenticated',
        message: 'Invalid username or password'
      })
    }
  })

  it('records successful and failed logins in the audit log', async () => {
    await tryLogin('bruno', 'nope')
    await login(app, 'bruno')
    const rows = await database.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE actor_username = 'bruno' ORDER BY id"
    )
    expect(rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login_succeeded'])
  })

  it('rate-limits repeated logins for one username from one address with 429', async () => {
    const limited = await buildTestApp(database.db, {
      loginRateLimit: { max: 3, timeWindowMs: 60_000 }
    })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 4; i++)
        statuses.push((await tryLogin('diego', 'bad', limited)).statusCode)
      expect(statuses).toEqual([401, 401, 401, 429])
      const blocked = await tryLogin('diego', 'atiende', limited)
      expect(blocked.statusCode).toBe(429)
      expect(blocked.json<ErrorBody>().error.code).toBe('rate_limited')
      expect((await tryLogin('elena', 'atiende', limited)).statusCode).toBe(200)
    } finally {
      await limited.close()
    }
  })

  it('keys the login limit on X-Forwarded-For only behind a trusted proxy', async () => {
    const attempt = (target: ZodApp, forwardedFor: string) =>
      target.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': forwardedFor },
        payload: { username: 'fernando', password: 'bad' }
      })
    const direct = await buildTestApp(database.db, {
      loginRateLimit: { max: 2, timeWindowMs: 60_000 }
    })
    const proxied = await buildTestApp(database.db, {
      loginRateLimit: { max: 2, timeWindowMs: 60_000 },
      trustProxy: true
    })
    try {
      // Without a trusted proxy a forged header changes nothing: one socket address, one budget.
      const forged: number[] = []
      for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
        forged.push((await attempt(direct, ip)).statusCode)
      }
      expect(forged).toEqual([401, 401, 429])
      // Behind the proxy each client address has its own budget.
      const statuses: number[] = []
      for (const ip of ['10.0.0.1', '10.0.0.1', '10.0.0.1', '10.0.0.2']) {
        statuses.push((await attempt(proxied, ip)).statusCode)
      }
      expect(statuses).toEqual([401, 401, 429, 401])
    } finally {
      await direct.close()
      await proxied.close()
    }
  })

  it('rotates refresh tokens: each works once and yields a new pair', async () => {
    const first = await login(app, 'carla')
    const response = await refresh(first.refreshToken)
    expect(response.statusCode).toBe(200)
    const second = response.json<TokenResponse>()
    expect(second.refreshToken).not.toBe(first.refreshToken)
    expect(second.user.username).toBe('carla')
    expect((await me(second.accessToken)).statusCode).toBe(200)
    expect((await refresh(second.refreshToken)).statusCode).toBe(200)
  })

  it('revokes the whole family when a used refresh token comes back', async () => {
    const first = await login(app, 'gloria')
    const second = (await refresh(first.refreshToken)).json<TokenResponse>()
    const reuse = await refresh(first.refreshToken)
    expect(reuse.statusCode).toBe(401)
    expect(reuse.json<ErrorBody>().error.code).toBe('unauthenticated')
    // The attacker's or the victim's newer token dies with the family.
    expect((await refresh(second.refreshToken)).statusCode).toBe(401)
    const audit = await database.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action = 'auth.refresh_reuse_detected'"
    )
    expect(audit.length).toBeGreaterThanOrEqual(1)
  })

  it('refuses an unknown refresh token and one revoked by logout', async () => {
    expect((await refresh('x'.repeat(43))).statusCode).toBe(401)
    const tokens = await login(app, 'fernando')
    const logout = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      payload: { refreshToken: tokens.refreshToken }
    })
    expect(logout.statusCode).toBe(204)
    expect((await refresh(tokens.refreshToken)).statusCode).toBe(401)
  })

  it('returns the current user from /api/me', async () => {
    const tokens = await login(app, 'tomas')
    const response = await me(tokens.accessToken)
    expect(response.statusCode).toBe(200)
    expect(response.json<SessionUser>()).toEqual(tokens.user)
    expect(tokens.user).toMatchObject({ role: 'trainer', teamId: null })
  })

  it('answers 401 without a token, with a forged one and with an expired one', async () => {
    const noToken = await app.inject({ method: 'GET', url: '/api/me' })
    const claims = { role: 'admin', team: null }
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('00000000-0000-4000-8000-000000000000')
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('another-secret-another-secret-another'))
    const now = Math.floor(Date.now() / 1000)
    const expired = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject((await login(app, 'admin')).user.id)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt(now - 3600)
      .setExpirationTime(now - 60)
      .sign(TEST_JWT_SECRET)
    for (const response of [noToken, await me(forged), await me(expired), await me('garbage')]) {
      expect(response.statusCode).toBe(401)
      expect(response.json<ErrorBody>().error.code).toBe('unauthenticated')
    }
  })
})
