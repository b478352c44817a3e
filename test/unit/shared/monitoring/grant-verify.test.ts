/**
 * The grant check every desk runs before anything else (and the server on redemption): the
 * signature against the published keys, expiry and issue time with the clock skew, this agent,
 * a call the desk has. Single use is the server's (integration: monitoring-sessions.test.ts).
 */
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet, type JWK } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'

import { MONITOR_GRANT_ALG, verifyMonitorGrant } from '@shared/monitoring/grant-verify'
import {
  MONITOR_CLOCK_SKEW_SECONDS,
  MONITOR_GRANT_TYPE,
  type MonitorGrantClaims
} from '@shared/monitoring/monitoring'

const AGENT = '11111111-1111-4111-8111-111111111111'
const LEAD = '22222222-2222-4222-8222-222222222222'
const NOW = new Date('2026-12-06T10:00:00Z')
const nowSeconds = NOW.getTime() / 1000

type Pair = Awaited<ReturnType<typeof generateKeyPair>>
let server: Pair
let other: Pair
let keys: JSONWebKeySet

async function publicJwk(pair: Pair, kid: string): Promise<JWK> {
  return { ...(await exportJWK(pair.publicKey)), kid, alg: MONITOR_GRANT_ALG, use: 'sig' }
}

function claims(overrides: Partial<MonitorGrantClaims> = {}): MonitorGrantClaims {
  return {
    iss: 'atiende',
    jti: crypto.randomUUID(),
    sub: AGENT,
    lead: LEAD,
    leadName: 'Carla Méndez',
    call: 'call-1',
    mode: 'listen',
    modes: ['listen', 'whisper'],
    iat: nowSeconds,
    exp: nowSeconds + 30,
    ...overrides
  }
}

function sign(
  body: Record<string, unknown>,
  pair: Pair = server,
  header: { kid?: string; typ?: string; alg?: string } = {}
): Promise<string> {
  return new SignJWT(body)
    .setProtectedHeader({
      alg: header.alg ?? MONITOR_GRANT_ALG,
      kid: header.kid ?? 'k1',
      typ: header.typ ?? MONITOR_GRANT_TYPE
    })
    .sign(pair.privateKey)
}

const expectation = { agentId: AGENT, callIds: ['call-1', 'call-2'], now: NOW }

beforeAll(async () => {
  server = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
  other = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })
  keys = { keys: [await publicJwk(server, 'k1')] }
})

describe('a monitoring grant', () => {
  it('passes with the server’s signature, for this agent and one of the desk’s calls', async () => {
    const check = await verifyMonitorGrant(await sign(claims()), keys, expectation)
    expect(check).toMatchObject({ ok: true, claims: { sub: AGENT, call: 'call-1' } })
  })

  it('signed by another key under the server’s kid: invalid', async () => {
    const forged = await sign(claims(), other)
    expect(await verifyMonitorGrant(forged, keys, expectation)).toEqual({
      ok: false,
      reason: 'invalid_grant'
    })
  })

  it('under a kid the desk does not know: invalid, and the keys are to be fetched again', async () => {
    const rotated = await sign(claims(), other, { kid: 'k2' })
    expect(await verifyMonitorGrant(rotated, keys, expectation)).toEqual({
      ok: false,
      reason: 'invalid_grant',
      unknownKey: true
    })
    // After the refetch the new key is among the published ones.
    const refreshed = { keys: [...keys.keys, await publicJwk(other, 'k2')] }
    expect((await verifyMonitorGrant(rotated, refreshed, expectation)).ok).toBe(true)
  })

  it('expires, forgiving the clock skew and no more', async () => {
    const justPast = await sign(claims({ exp: nowSeconds - MONITOR_CLOCK_SKEW_SECONDS + 1 }))
    expect((await verifyMonitorGrant(justPast, keys, expectation)).ok).toBe(true)
    const past = await sign(claims({ exp: nowSeconds - MONITOR_CLOCK_SKEW_SECONDS - 1 }))
    expect(await verifyMonitorGrant(past, keys, expectation)).toEqual({
      ok: false,
      reason: 'expired'
    })
  })

  it('issued in the future beyond the skew is refused', async () => {
    const ahead = await sign(
      claims({ iat: nowSeconds + MONITOR_CLOCK_SKEW_SECONDS + 5, exp: nowSeconds + 60 })
    )
    expect((await verifyMonitorGrant(ahead, keys, expectation)).ok).toBe(false)
    const slightlyAhead = await sign(claims({ iat: nowSeconds + 3 }))
    expect((await verifyMonitorGrant(slightlyAhead, keys, expectation)).ok).toBe(true)
  })

  it('for another agent, or a call the desk does not have, is refused by name', async () => {
    const elsewhere = await sign(claims({ sub: '33333333-3333-4333-8333-333333333333' }))
    expect(await verifyMonitorGrant(elsewhere, keys, expectation)).toEqual({
      ok: false,
      reason: 'not_for_this_desk'
    })
    const otherCall = await sign(claims({ call: 'call-9' }))
    expect(await verifyMonitorGrant(otherCall, keys, expectation)).toEqual({
      ok: false,
      reason: 'call_changed'
    })
  })

  it('of another type, with claims of another shape or a mode outside its modes, is invalid', async () => {
    const accessToken = await sign(claims(), server, { typ: 'JWT' })
    const extra = await sign({ ...claims(), role: 'admin' })
    const badMode = await sign(claims({ mode: 'barge', modes: ['listen'] }))
    const garbage = 'not.a.token'
    for (const token of [accessToken, extra, badMode, garbage, '']) {
      expect(await verifyMonitorGrant(token, keys, expectation)).toMatchObject({
        ok: false,
        reason: 'invalid_grant'
      })
    }
  })
})
