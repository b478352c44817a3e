/**
 * The worker's admission of a role-play INVITE (roleplay-admit.ts): the token checked with the
 * cached keys, then redeemed once with the server. When the trainee dials, the trainer's desk
 * redeems only the session its console waits for. The keys and the server are fakes here (the
 * server's side runs in the integration suite, the signalling in the e2e role-play spec).
 */
import { SignJWT, exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'

import { ROLEPLAY_ALG, ROLEPLAY_TOKEN_TYPE, type RoleplayClaims } from '@shared/practice/roleplay'
import type { GrantKeys } from '@renderer/workers/data/monitoring/grant-keys'
import { admitRoleplay } from '@renderer/workers/data/practice/roleplay-admit'
import type { ServerAccess } from '@renderer/workers/data/session/session'

const TRAINEE = '0b8e4f0e-6c1d-4c8e-8f5a-1f2e3d4c5b6a'
const TRAINER = '2d1c0b9a-8f7e-4d6c-9b5a-4e3d2c1b0a98'
const SESSION = '6f0c1c1e-4b7a-4d55-9a59-0a4f3c2b1d10'
const now = new Date('2026-12-07T10:00:00.000Z')
const t = now.getTime() / 1000

describe('a desk admits a role-play session', () => {
  let keys: JSONWebKeySet
  let sign: (claims: Partial<RoleplayClaims>) => Promise<string>
  beforeAll(async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' })
    keys = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA' }] }
    sign = (claims) =>
      new SignJWT({
        iss: 'atiende',
        jti: SESSION,
        sub: TRAINEE,
        iat: t,
        exp: t + 120,
        trainer: { id: TRAINER, name: 'Tomás' },
        scenario: { id: 'retention-objections', version: 1 },
        ...claims
      })
        .setProtectedHeader({ alg: ROLEPLAY_ALG, kid: 'k1', typ: ROLEPLAY_TOKEN_TYPE })
        .sign(pair.privateKey)
  })

  /** A server that redeems whatever it is sent, recording it. */
  function fakes() {
    const redeemed: unknown[] = []
    const server = {
      serverUrl: 'http://127.0.0.1:1',
      accessToken: () => 'access',
      refreshTokens: () => Promise.resolve(),
      fetch: (_url: string, init?: { body?: string }) => {
        const body = JSON.parse(init?.body ?? '{}') as { token: string; callId: string }
        redeemed.push(body)
        const claims: unknown = JSON.parse(atob(body.token.split('.')[1] ?? ''))
        return Promise.resolve(new Response(JSON.stringify({ claims }), { status: 200 }))
      }
    } as unknown as ServerAccess
    const grantKeys = {
      current: () => Promise.resolve(keys),
      refetch: () => Promise.resolve(keys)
    } as unknown as GrantKeys
    return { server, grantKeys, redeemed }
  }

  it("the trainee's desk, a session the trainer dials with", async () => {
    const { server, grantKeys, redeemed } = fakes()
    const token = await sign({})
    const args = { token, callId: 'call-1', waitingFor: null }
    expect(await admitRoleplay(server, grantKeys, TRAINEE, args, () => now)).toMatchObject({
      ok: true,
      claims: { jti: SESSION }
    })
    expect(redeemed).toEqual([{ token, callId: 'call-1' }])
  })

  it("the trainer's desk, only the session it waits for, and never asks the server otherwise", async () => {
    const { server, grantKeys, redeemed } = fakes()
    const token = await sign({ dir: 'trainee_calls' })
    const at = () => now
    expect(
      await admitRoleplay(server, grantKeys, TRAINER, { token, callId: 'c', waitingFor: null }, at)
    ).toEqual({ ok: false, reason: 'not_for_this_desk' })
    const other = '7f0c1c1e-4b7a-4d55-9a59-0a4f3c2b1d10'
    expect(
      await admitRoleplay(server, grantKeys, TRAINER, { token, callId: 'c', waitingFor: other }, at)
    ).toEqual({ ok: false, reason: 'not_for_this_desk' })
    // The trainee's own desk never answers a session they dial with.
    expect(
      await admitRoleplay(server, grantKeys, TRAINEE, { token, callId: 'c', waitingFor: null }, at)
    ).toEqual({ ok: false, reason: 'not_for_this_desk' })
    expect(redeemed).toEqual([])
    expect(
      await admitRoleplay(
        server,
        grantKeys,
        TRAINER,
        { token, callId: 'c', waitingFor: SESSION },
        at
      )
    ).toMatchObject({ ok: true, claims: { dir: 'trainee_calls' } })
    expect(redeemed).toEqual([{ token, callId: 'c' }])
  })
})
