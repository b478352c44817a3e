/**
 * Role-play the other way (issue 20, item 4): for an outbound scenario the trainee calls the
 * trainer. The trainer is issued an invitation, not a token; the trainee's desk is poked with a
 * `roleplay_invitation` change that only the trainee (and the trainers' practice scope) pulls,
 * reads the open invitations with a token each, and dials the trainer with it. The trainer's desk
 * redeems it naming the call; a new invitation or a withdrawal voids the one not taken, and the
 * trainee can never redeem their own.
 */
import { randomUUID } from 'node:crypto'

import type { InjectOptions } from 'fastify'
import { decodeJwt } from 'jose'
import { beforeAll, expect, it } from 'vitest'

import { seedPracticeScenarios } from '@server/practice/scenario-seed'
import {
  roleplayInvitationsSchema,
  roleplayIssuedSchema,
  roleplayLiveSchema
} from '@shared/practice/roleplay'
import { describeOnEngines } from '@support/engine-suite'
import { login, pullAll } from '../../support/server-app'

const SCENARIO = { scenarioId: 'retention-objections', scenarioVersion: 1 }

describeOnEngines('role-play invitations on %s', { customers: 1 }, ({ database, app }) => {
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

  const call = (user: string, request: Omit<InjectOptions, 'headers'>) =>
    app.inject({ ...request, headers: { authorization: `Bearer ${tokens[user] ?? ''}` } })
  const invite = async (trainer = 'tomas', trainee = 'ana') => {
    const response = await call(trainer, {
      method: 'POST',
      url: '/api/training/roleplays',
      payload: { traineeId: ids[trainee], ...SCENARIO, direction: 'trainee_calls' }
    })
    expect(response.statusCode).toBe(201)
    return roleplayIssuedSchema.parse(response.json())
  }
  const invitations = async (user: string) => {
    const response = await call(user, { method: 'GET', url: '/api/training/roleplays/invitations' })
    expect(response.statusCode).toBe(200)
    return roleplayInvitationsSchema.parse(response.json()).invitations
  }
  const redeem = (user: string, token: string, callId = `call-${randomUUID()}`) =>
    call(user, {
      method: 'POST',
      url: '/api/training/roleplays/redeem',
      payload: { token, callId }
    })
  const withdraw = (user: string, id: string) =>
    call(user, { method: 'DELETE', url: `/api/training/roleplays/${id}` })
  const invitationChanges = async (user: string, cursor: number) =>
    (await pullAll(app, tokens[user] ?? '', cursor)).changes.filter(
      (c) => c.entity === 'roleplay_invitation'
    )
  const head = async (user: string) => (await pullAll(app, tokens[user] ?? '')).cursor

  it('invites the trainee: no token to the trainer, a poke only the trainee and trainers pull', async () => {
    const cursors = {
      ana: await head('ana'),
      bruno: await head('bruno'),
      carla: await head('carla'),
      tomas: await head('tomas')
    }
    const issued = await invite()
    expect(issued.token).toBeNull()
    expect(issued.roleplay).toMatchObject({ direction: 'trainee_calls', traineeId: ids['ana'] })
    const poke = {
      entity: 'roleplay_invitation',
      data: { id: issued.roleplay.id, traineeId: ids['ana'] }
    }
    expect(await invitationChanges('ana', cursors.ana)).toEqual([expect.objectContaining(poke)])
    expect(await invitationChanges('tomas', cursors.tomas)).toEqual([expect.objectContaining(poke)])
    // A teammate and the team's lead are not poked for a trainee's practice.
    expect(await invitationChanges('bruno', cursors.bruno)).toEqual([])
    expect(await invitationChanges('carla', cursors.carla)).toEqual([])
  })

  it("lists the trainee's open invitation with a token for the trainer's desk, to nobody else", async () => {
    const issued = await invite()
    const [open, ...more] = await invitations('ana')
    expect(more).toEqual([])
    expect(open).toMatchObject({
      id: issued.roleplay.id,
      trainerName: 'Tomás Vidal',
      scenarioId: SCENARIO.scenarioId,
      scenarioVersion: 1,
      expiresAt: issued.roleplay.expiresAt
    })
    expect(open?.trainerSipUri).toMatch(/^sip:3001@/)
    expect(open?.scenarioTitle.es).toBeTruthy()
    expect(decodeJwt(open?.token ?? '')).toMatchObject({
      jti: issued.roleplay.id,
      sub: ids['ana'],
      trainer: { id: ids['tomas'] },
      dir: 'trainee_calls',
      exp: Math.floor(Date.parse(issued.roleplay.expiresAt) / 1000)
    })
    expect(await invitations('bruno')).toEqual([])
    expect(await invitations('tomas')).toEqual([])
  })

  it("is redeemed by the trainer's desk with the call, never by the trainee; then it is gone", async () => {
    const issued = await invite()
    const token = (await invitations('ana'))[0]?.token ?? ''
    expect((await redeem('ana', token)).json()).toEqual({
      error: 'roleplay_refused',
      reason: 'not_for_this_desk'
    })
    const cursor = await head('ana')
    const taken = await redeem('tomas', token, 'call-trainee-dialled')
    expect(taken.statusCode).toBe(200)
    const live = roleplayLiveSchema.parse(
      (
        await call('tomas', {
          method: 'GET',
          url: `/api/training/roleplays/${issued.roleplay.id}/live`
        })
      ).json()
    )
    expect(live.roleplay).toMatchObject({
      direction: 'trainee_calls',
      traineeCallId: 'call-trainee-dialled'
    })
    expect(live.roleplay.redeemedAt).not.toBeNull()
    expect(await invitations('ana')).toEqual([])
    expect(await invitationChanges('ana', cursor)).toHaveLength(1)
    expect((await redeem('tomas', token)).json()).toMatchObject({ reason: 'already_used' })
    expect((await withdraw('tomas', issued.roleplay.id)).statusCode).toBe(409)
  })

  it('voids the invitation not taken when a new one is issued or it is withdrawn', async () => {
    const first = await invite()
    const firstToken = (await invitations('ana'))[0]?.token ?? ''
    const second = await invite()
    expect((await invitations('ana')).map((i) => i.id)).toEqual([second.roleplay.id])
    expect((await redeem('tomas', firstToken)).json()).toEqual({
      error: 'roleplay_refused',
      reason: 'withdrawn'
    })

    const secondToken = (await invitations('ana'))[0]?.token ?? ''
    // Only its trainer (or an admin) withdraws it; to anyone else it does not exist.
    expect((await withdraw('carla', second.roleplay.id)).statusCode).toBe(403)
    expect((await withdraw('tomas', randomUUID())).statusCode).toBe(404)
    const cursor = await head('ana')
    expect((await withdraw('tomas', second.roleplay.id)).statusCode).toBe(204)
    expect(await invitationChanges('ana', cursor)).toHaveLength(1)
    expect(await invitations('ana')).toEqual([])
    expect((await redeem('tomas', secondToken)).json()).toMatchObject({ reason: 'withdrawn' })
    // Withdrawn twice: nothing more happens.
    expect((await withdraw('tomas', second.roleplay.id)).statusCode).toBe(204)
    expect(first.roleplay.id).not.toBe(second.roleplay.id)
  })

  it("refuses a trainer-dialled session at the trainer's own desk, and a trainer with no extension", async () => {
    const dialled = await call('tomas', {
      method: 'POST',
      url: '/api/training/roleplays',
      payload: { traineeId: ids['ana'], ...SCENARIO }
    })
    const token = roleplayIssuedSchema.parse(dialled.json()).token ?? ''
    expect(decodeJwt(token).dir).toBeUndefined()
    expect((await redeem('tomas', token)).json()).toMatchObject({ reason: 'not_for_this_desk' })

    await database.db.query('UPDATE users SET sip_extension = NULL WHERE id = $1', [
      ids['tomas'] ?? ''
    ])
    try {
      const refused = await call('tomas', {
        method: 'POST',
        url: '/api/training/roleplays',
        payload: { traineeId: ids['ana'], ...SCENARIO, direction: 'trainee_calls' }
      })
      expect(refused.statusCode).toBe(409)
      expect(refused.json()).toMatchObject({ error: { details: { reason: 'no_own_extension' } } })
    } finally {
      await database.db.query("UPDATE users SET sip_extension = '3001' WHERE id = $1", [
        ids['tomas'] ?? ''
      ])
    }
  })
})
