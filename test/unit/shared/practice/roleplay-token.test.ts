import { SignJWT, exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'

import { ROLEPLAY_ALG, ROLEPLAY_TOKEN_TYPE, type RoleplayClaims } from '@shared/practice/roleplay'
import { verifyRoleplayToken } from '@shared/practice/roleplay-verify'

const TRAINEE = '0b8e4f0e-6c1d-4c8e-8f5a-1f2e3d4c5b6a'
const now = new Date('2026-12-07T10:00:00.000Z')
const t = now.getTime() / 1000

describe('a role-play session token, as the desk and the server check it', () => {
  let keys: JSONWebKeySet
  let sign: (claims: Partial<RoleplayClaims>, typ?: string) => Promise<string>

  beforeAll(async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' })
    keys = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA' }] }
    sign = (claims, typ = ROLEPLAY_TOKEN_TYPE) =>
      new SignJWT({
        iss: 'atiende',
        jti: '6f0c1c1e-4b7a-4d55-9a59-0a4f3c2b1d10',
        sub: TRAINEE,
        iat: t,
        exp: t + 120,
        trainer: { id: '2d1c0b9a-8f7e-4d6c-9b5a-4e3d2c1b0a98', name: 'Tomás' },
        scenario: { id: 'retention-objections', version: 1 },
        ...claims
      })
        .setProtectedHeader({ alg: ROLEPLAY_ALG, kid: 'k1', typ })
        .sign(pair.privateKey)
  })

  const check = (token: string, traineeId = TRAINEE, at = now) =>
    verifyRoleplayToken(token, keys, { userId: traineeId, now: at })

  it('passes for its trainee within its time', async () => {
    const result = await check(await sign({}))
    expect(result).toMatchObject({ ok: true, claims: { sub: TRAINEE } })
  })

  it('refuses another desk, an expired one, a future one, another kind of token', async () => {
    expect(await check(await sign({}), '1b8e4f0e-6c1d-4c8e-8f5a-1f2e3d4c5b6a')).toEqual({
      ok: false,
      reason: 'not_for_this_desk'
    })
    expect(await check(await sign({ iat: t - 600, exp: t - 300 }))).toEqual({
      ok: false,
      reason: 'expired'
    })
    expect(await check(await sign({ iat: t + 3600, exp: t + 3700 }))).toMatchObject({
      ok: false,
      reason: 'invalid_session'
    })
    // A monitoring grant signed with the same keys is not a practice session.
    expect(await check(await sign({}, 'atiende-monitor+jwt'))).toMatchObject({
      ok: false,
      reason: 'invalid_session'
    })
    expect(await check('x'.repeat(5000))).toMatchObject({ ok: false, reason: 'invalid_session' })
  })

  it('is answered by the trainer when the trainee dials, never by the trainee', async () => {
    const trainer = '2d1c0b9a-8f7e-4d6c-9b5a-4e3d2c1b0a98'
    const token = await sign({ dir: 'trainee_calls' })
    expect(await check(token, trainer)).toMatchObject({
      ok: true,
      claims: { dir: 'trainee_calls', sub: TRAINEE }
    })
    expect(await check(token)).toEqual({ ok: false, reason: 'not_for_this_desk' })
    // Without the mark, the trainer holding his own session cannot answer it.
    expect(await check(await sign({}), trainer)).toEqual({ ok: false, reason: 'not_for_this_desk' })
  })
})
