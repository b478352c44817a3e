/**
 * Monitoring keys without a database: a new pair carries its kid on both halves and publishes no
 * private member; the key file (`ATIENDE_MONITOR_KEY_FILE`) must be an Ed25519 private JWK with a
 * kid, and a bad one says why; a grant signed with the file's key verifies with its public part.
 * Also which floor entries a grant may be issued for.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { callRefusal } from '@server/monitoring/grant-issue'
import { newKeyPair, publicPart, readKeyFile } from '@server/monitoring/monitoring-keys'
import { verifyMonitorGrant } from '@shared/monitoring/grant-verify'
import { MONITOR_GRANT_TYPE } from '@shared/monitoring/monitoring'
import type { FloorEntry } from '@shared/presence/presence'
import { deskPresence } from '@support/desk-presence'
import { deskCall } from '../../../support/monitoring-floor'

describe('monitoring keys', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atiende-keys-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('makes Ed25519 pairs whose public half has no private member', async () => {
    const pair = await newKeyPair()
    expect(pair.publicJwk).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      kid: pair.kid,
      alg: 'EdDSA'
    })
    expect(pair.privateJwk.kid).toBe(pair.kid)
    expect(typeof pair.privateJwk.d).toBe('string')
    expect(pair.publicJwk.d).toBeUndefined()
    expect(publicPart(pair.privateJwk)).toEqual(pair.publicJwk)
  })

  it('reads a key file and signs grants that verify with its public part', async () => {
    const pair = await newKeyPair()
    const path = join(dir, 'good.json')
    await writeFile(path, JSON.stringify(pair.privateJwk))
    const { jwk, signing } = await readKeyFile(path)
    expect(signing.kid).toBe(pair.kid)
    const agent = crypto.randomUUID()
    const now = Math.floor(Date.now() / 1000)
    const token = await new SignJWT({
      iss: 'atiende',
      jti: crypto.randomUUID(),
      sub: agent,
      lead: crypto.randomUUID(),
      leadName: 'Carla Méndez',
      call: 'call-1',
      mode: 'listen',
      modes: ['listen'],
      iat: now,
      exp: now + 30
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: signing.kid, typ: MONITOR_GRANT_TYPE })
      .sign(signing.key)
    const check = await verifyMonitorGrant(
      token,
      { keys: [publicPart(jwk)] },
      { agentId: agent, callIds: ['call-1'], now: new Date() }
    )
    expect(check.ok).toBe(true)
  })

  it('refuses a key file that is missing, not JSON, public only, without kid, or not Ed25519', async () => {
    const pair = await newKeyPair()
    const noKid = { ...pair.privateJwk, kid: undefined }
    const files: [string, string, RegExp][] = [
      ['missing.json', '', /not a readable JSON file/],
      ['garbage.json', 'not json', /not a readable JSON file/],
      ['public.json', JSON.stringify(pair.publicJwk), /Ed25519 private JWK/],
      ['nokid.json', JSON.stringify(noKid), /with a kid/],
      ['rsa.json', JSON.stringify({ ...pair.privateJwk, kty: 'RSA' }), /Ed25519 private JWK/]
    ]
    for (const [name, content, says] of files) {
      const path = join(dir, name)
      if (content) await writeFile(path, content)
      await expect(readKeyFile(path), name).rejects.toThrow(says)
    }
  })
})

describe('which call a grant may be issued for', () => {
  const at = new Date().toISOString()
  const entry = (over: Partial<FloorEntry> = {}, call = deskCall('call-1')): FloorEntry => ({
    agentId: crypto.randomUUID(),
    teamId: crypto.randomUUID(),
    status: 'live',
    heardAt: at,
    presence: deskPresence(at, { state: 'on_call', call }),
    ...over
  })

  it('needs a live desk on that very call, not a practice one', () => {
    expect(callRefusal(null, 'call-1')).toBe('agent_not_on_call')
    expect(callRefusal(entry({ status: 'lost' }), 'call-1')).toBe('agent_not_on_call')
    expect(callRefusal(entry({ status: 'offline' }), 'call-1')).toBe('agent_not_on_call')
    expect(callRefusal(entry({ presence: deskPresence(at) }), 'call-1')).toBe('agent_not_on_call')
    expect(callRefusal(entry(), 'call-2')).toBe('call_changed')
    expect(callRefusal(entry({}, deskCall('call-1', { practice: true })), 'call-1')).toBe(
      'practice_call'
    )
    expect(callRefusal(entry(), 'call-1')).toBeNull()
  })
})
