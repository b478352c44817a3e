/**
 * Role-play sessions on the server (issue 20, item 4): a trainer is issued a signed session to
 * call a trainee they follow as a scenario's customer; the trainee's desk redeems it once. A
 * forged session (another key, edited claims), someone else's, an expired or a used one is
 * refused with its reason.
 */
import { randomUUID } from 'node:crypto'

import { SignJWT, decodeJwt, generateKeyPair } from 'jose'
import { beforeAll, expect, it } from 'vitest'

import { seedPracticeScenarios } from '@server/practice/scenario-seed'
import {
  ROLEPLAY_ALG,
  ROLEPLAY_TOKEN_TYPE,
  roleplayIssuedSchema,
  roleplayRedeemedSchema
} from '@shared/practice/roleplay'
import { describeOnEngines } from '@support/engine-suite'
import { login } from '../../support/server-app'

const SCENARIO = { scenarioId: 'retention-objections', scenarioVersion: 1 }

describeOnEngines('role-play sessions on %s', { customers: 1 }, ({ database, app }) => {
  const tokens: Record<string, string> = {}
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    await seedPracticeScenarios(database.db)
    for (const user of ['ana', 'bruno', 'carla', 'tomas', 'admin']) {
      const session = await login(app, user)
      tokens[user] = session.accessToken
      ids[user] = session.user.id
    }
  })

  const post = (user: string, url: string, payload: object) =>
    app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${tokens[user] ?? ''}` },
      payload
    })
  const issue = (user: string, trainee: string, scenario = SCENARIO) =>
    post(user, '/api/training/roleplays', { traineeId: ids[trainee], ...scenario })
  const redeem = (user: string, token: string, callId = `call-${randomUUID()}`) =>
    post(user, '/api/training/roleplays/redeem', { token, callId })

  it('issues a session to call a trainee the trainer follows, at their extension', async () => {
    const response = await issue('tomas', 'ana')
    expect(response.statusCode).toBe(201)
    const issued = roleplayIssuedSchema.parse(response.json())
    expect(issued.roleplay).toMatchObject({
      traineeId: ids['ana'],
      traineeName: 'Ana Ortiz',
      scenarioId: SCENARIO.scenarioId
    })
    expect(issued.roleplay.traineeSipUri).toMatch(/^sip:1001@/)
    const claims = decodeJwt(issued.token)
    expect(claims).toMatchObject({
      sub: ids['ana'],
      jti: issued.roleplay.id,
      trainer: { id: ids['tomas'], name: 'Tomás Vidal' },
      scenario: { id: SCENARIO.scenarioId, version: 1 }
    })
  })

  it('refuses to issue for agents, leads, a trainee not followed, a lead, a draft', async () => {
    expect((await issue('ana', 'bruno')).statusCode).toBe(403)
    expect((await issue('carla', 'ana')).statusCode).toBe(403)
    // Carla is a lead, not a trainee; admins may call any agent, never a lead.
    expect((await issue('admin', 'carla')).statusCode).toBe(404)
    expect((await issue('tomas', 'ana', { ...SCENARIO, scenarioVersion: 9 })).statusCode).toBe(404)
    await database.db.query('DELETE FROM training_cohort_members WHERE trainee_id = $1', [
      ids['bruno'] ?? ''
    ])
    expect((await issue('tomas', 'bruno')).statusCode).toBe(404)
    expect((await issue('admin', 'bruno')).statusCode).toBe(201)
  })

  it("lets the trainee's desk redeem it once, with the call it is on", async () => {
    const issued = roleplayIssuedSchema.parse((await issue('tomas', 'ana')).json())
    const first = await redeem('ana', issued.token, 'call-roleplay-1')
    expect(first.statusCode).toBe(200)
    expect(roleplayRedeemedSchema.parse(first.json()).claims.jti).toBe(issued.roleplay.id)
    const stored = await database.db.query<{ trainee_call_id: string }>(
      'SELECT trainee_call_id FROM practice_roleplays WHERE id = $1',
      [issued.roleplay.id]
    )
    expect(stored[0]?.trainee_call_id).toBe('call-roleplay-1')
    const again = await redeem('ana', issued.token)
    expect(again.statusCode).toBe(409)
    expect(again.json()).toEqual({ error: 'roleplay_refused', reason: 'already_used' })
  })

  it("refuses someone else's session, a forged one and an expired one", async () => {
    const issued = roleplayIssuedSchema.parse((await issue('tomas', 'ana')).json())
    expect((await redeem('bruno', issued.token)).json()).toEqual({
      error: 'roleplay_refused',
      reason: 'not_for_this_desk'
    })

    // The same claims, signed with a key the server never published.
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' })
    const claims = decodeJwt(issued.token)
    const forged = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: ROLEPLAY_ALG, kid: 'forged', typ: ROLEPLAY_TOKEN_TYPE })
      .sign(privateKey)
    const refused = await redeem('ana', forged)
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ reason: 'invalid_session' })

    // Its payload edited (another scenario): the signature no longer holds.
    const [header, , signature] = issued.token.split('.')
    const edited = Buffer.from(
      JSON.stringify({ ...claims, scenario: { id: 'win-back-high-value', version: 1 } })
    ).toString('base64url')
    expect((await redeem('ana', `${header}.${edited}.${signature}`)).json()).toMatchObject({
      reason: 'invalid_session'
    })
    expect((await redeem('ana', 'not-a-token')).statusCode).toBe(403)

    const late = await new SignJWT({ ...claims, iat: 1, exp: 2 })
      .setProtectedHeader({ alg: ROLEPLAY_ALG, kid: 'forged', typ: ROLEPLAY_TOKEN_TYPE })
      .sign(privateKey)
    expect((await redeem('ana', late)).statusCode).toBe(403)
    // The untouched session still works: refusals claimed nothing.
    expect((await redeem('ana', issued.token)).statusCode).toBe(200)
  })
})
