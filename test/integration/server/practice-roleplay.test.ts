/**
 * Role-play sessions on the server (issue 20, item 4): a trainer is issued a signed session to
 * call a trainee they follow as a scenario's customer; the trainee's desk redeems it once. A
 * forged session (another key, edited claims), someone else's, an expired or a used one is
 * refused with its reason. Its trainer (or an admin) reads the trainee's live state during the
 * session, through the real realtime socket, and sends feedback once redeemed; the trainee reads
 * it with their progress, and nobody else does.
 */
import { randomUUID } from 'node:crypto'

import type { InjectOptions } from 'fastify'
import { SignJWT, decodeJwt, generateKeyPair } from 'jose'
import { beforeAll, expect, it } from 'vitest'
import { z } from 'zod'

import type { ZodApp } from '@server/http/route-context'
import { seedEvaluationForms } from '@server/evaluations/form-seed'
import { seedPracticeScenarios } from '@server/practice/scenario-seed'
import { traineeProgressSchema } from '@shared/practice/progress-api'
import {
  ROLEPLAY_ALG,
  ROLEPLAY_TOKEN_TYPE,
  roleplayFeedbackSchema,
  roleplayIssuedSchema,
  roleplayLiveSchema,
  roleplayRedeemedSchema
} from '@shared/practice/roleplay'
import { deskPresence } from '@support/desk-presence'
import { describeOnEngines } from '@support/engine-suite'
import { deskCall, startInstance } from '@support/monitoring-floor'
import { RealtimeClient } from '@support/realtime-client'
import { latestPulled, saveMutation, stepMutation } from '@support/evaluations'
import { login, push } from '../../support/server-app'

const SCENARIO = { scenarioId: 'retention-objections', scenarioVersion: 1 }
/** A session the trainer dials with: the answer carries its token. */
const trainerDials = roleplayIssuedSchema.extend({ token: z.string() })

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
    const issued = trainerDials.parse(response.json())
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
    const issued = trainerDials.parse((await issue('tomas', 'ana')).json())
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
    const issued = trainerDials.parse((await issue('tomas', 'ana')).json())
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

describeOnEngines(
  'role-play live view and feedback on %s',
  { customers: 1 },
  ({ database, app }) => {
    const tokens: Record<string, string> = {}
    const ids: Record<string, string> = {}

    beforeAll(async () => {
      await seedPracticeScenarios(database.db)
      await database.db.query(
        "UPDATE users SET role = 'trainer', team_id = NULL WHERE username = 'gloria'"
      )
      for (const user of ['ana', 'bruno', 'carla', 'tomas', 'gloria', 'admin']) {
        const session = await login(app, user)
        tokens[user] = session.accessToken
        ids[user] = session.user.id
      }
    })

    const call = (on: ZodApp, user: string, request: Omit<InjectOptions, 'headers'>) =>
      on.inject({ ...request, headers: { authorization: `Bearer ${tokens[user] ?? ''}` } })
    const issued = async (on: ZodApp = app, trainee = 'ana') =>
      trainerDials.parse(
        (
          await call(on, 'tomas', {
            method: 'POST',
            url: '/api/training/roleplays',
            payload: { traineeId: ids[trainee], ...SCENARIO }
          })
        ).json()
      )
    const redeemed = async (token: string, callId: string, on: ZodApp = app, trainee = 'ana') => {
      const response = await call(on, trainee, {
        method: 'POST',
        url: '/api/training/roleplays/redeem',
        payload: { token, callId }
      })
      expect(response.statusCode).toBe(200)
    }
    const live = (user: string, id: string, on: ZodApp = app) =>
      call(on, user, { method: 'GET', url: `/api/training/roleplays/${id}/live` })
    const feedback = (user: string, id: string, payload: unknown) =>
      call(app, user, {
        method: 'PUT',
        url: `/api/training/roleplays/${id}/feedback`,
        payload: payload as object
      })
    const progress = async (user: string, url = '/api/training/me/progress') => {
      const response = await call(app, user, { method: 'GET', url })
      expect(response.statusCode).toBe(200)
      return traineeProgressSchema.parse(response.json())
    }

    it('shows its trainer the session before and after redemption; no desk, no trainee', async () => {
      const { roleplay } = await issued()
      const before = await live('tomas', roleplay.id)
      expect(before.statusCode).toBe(200)
      expect(roleplayLiveSchema.parse(before.json())).toEqual({
        roleplay: { ...roleplay, redeemedAt: null, traineeCallId: null },
        trainee: null
      })
      const { token } = await issued()
      await redeemed(token, 'call-live-1')
      const id = decodeJwt(token).jti ?? ''
      const after = roleplayLiveSchema.parse((await live('admin', id)).json())
      expect(after.roleplay.traineeCallId).toBe('call-live-1')
      expect(after.roleplay.traineeSipUri).toMatch(/^sip:1001@/)
      expect(Date.parse(after.roleplay.redeemedAt ?? '')).not.toBeNaN()
      // Nobody's desk is on this app's floor.
      expect(after.trainee).toBeNull()
    })

    it('answers 404 to another trainer, the trainee, a lead and an unknown session', async () => {
      const { roleplay } = await issued()
      for (const user of ['gloria', 'ana', 'bruno', 'carla']) {
        expect((await live(user, roleplay.id)).statusCode).toBe(404)
        const sent = await feedback(user, roleplay.id, { comment: 'x', notes: [] })
        expect(sent.statusCode).toBe(404)
      }
      expect((await live('tomas', randomUUID())).statusCode).toBe(404)
    })

    it("passes the trainee's state, phase and script step through from the floor, only on its call", async () => {
      const instance = await startInstance(database)
      const desk = new RealtimeClient(
        `ws://${instance.url}/api/realtime?token=${tokens['ana'] ?? ''}`
      )
      try {
        await desk.next((m) => m.type === 'hello')
        const { token, roleplay } = await issued(instance.app)
        await redeemed(token, 'call-rp-live', instance.app)
        const publish = async (callId: string) => {
          const now = new Date().toISOString()
          await desk.send({
            type: 'presence',
            presence: deskPresence(now, {
              state: 'on_call',
              since: now,
              call: deskCall(callId, { practice: true, phase: 'held', name: 'Rosa Vidal' }),
              script: {
                scriptId: 'retention-practice',
                version: 2,
                nodeId: 'offer',
                stepTitle: 'La oferta',
                jumps: []
              }
            })
          })
        }
        const traineeOf = async () => {
          const response = await live('tomas', roleplay.id, instance.app)
          expect(response.statusCode).toBe(200)
          return roleplayLiveSchema.parse(response.json()).trainee
        }
        const until = async (want: (t: Awaited<ReturnType<typeof traineeOf>>) => boolean) => {
          for (let tries = 0; tries < 50; tries++) {
            const trainee = await traineeOf()
            if (want(trainee)) return trainee
            await new Promise((resolve) => setTimeout(resolve, 50))
          }
          throw new Error('the live view never showed what the desk published')
        }

        await publish('call-rp-live')
        expect(await until((t) => t !== null)).toEqual({
          state: 'on_call',
          phase: 'held',
          script: { scriptId: 'retention-practice', version: 2, nodeId: 'offer' }
        })

        // Another call on the trainee's desk: its state, nothing of that call.
        await publish('call-customer')
        expect(await until((t) => t?.phase === null)).toEqual({
          state: 'on_call',
          phase: null,
          script: null
        })

        // Once the session is over, the widening ends.
        await publish('call-rp-live')
        await until((t) => t?.phase === 'held')
        await database.db.query(
          "UPDATE practice_roleplays SET issued_at = now() - interval '3 hours' WHERE id = $1",
          [roleplay.id]
        )
        expect(await traineeOf()).toBeNull()
      } finally {
        desk.close()
        await instance.app.close()
      }
    })

    it('takes feedback only once redeemed, replaces it, and audits each', async () => {
      const { token, roleplay } = await issued()
      const early = await feedback('tomas', roleplay.id, { comment: 'Bien', notes: [] })
      expect(early.statusCode).toBe(409)
      expect(early.json()).toMatchObject({ error: { code: 'conflict' } })
      await redeemed(token, 'call-feedback-1')

      const first = await feedback('tomas', roleplay.id, {
        comment: 'Buen cierre',
        notes: [{ nodeId: 'offer', text: 'Ofrece antes el descuento' }]
      })
      expect(first.statusCode).toBe(200)
      const sent = roleplayFeedbackSchema.parse(first.json())
      expect(sent).toMatchObject({
        roleplayId: roleplay.id,
        trainerName: 'Tomás Vidal',
        scenarioId: SCENARIO.scenarioId,
        scenarioVersion: 1,
        comment: 'Buen cierre',
        notes: [{ nodeId: 'offer', text: 'Ofrece antes el descuento' }]
      })
      expect(sent.scriptId).not.toBe('')
      expect(Object.values(sent.scenarioTitle).some((t) => t !== '')).toBe(true)

      // An admin may send it too: it replaces the trainer's, under the admin's name.
      const second = await feedback('admin', roleplay.id, {
        comment: 'Mejor así',
        notes: [{ nodeId: null, text: 'Saluda con tu nombre' }]
      })
      expect(second.statusCode).toBe(200)
      expect(roleplayFeedbackSchema.parse(second.json())).toMatchObject({
        trainerName: 'Administración',
        comment: 'Mejor así',
        notes: [{ nodeId: null, text: 'Saluda con tu nombre' }]
      })
      const mine = (await progress('ana')).feedback.filter((f) => f.roleplayId === roleplay.id)
      expect(mine).toHaveLength(1)
      expect(mine[0]?.comment).toBe('Mejor así')

      const audit = await database.db.query<{ actor_id: string }>(
        `SELECT actor_id FROM audit_log WHERE action = 'practice_roleplay.feedback' AND target = $1
        ORDER BY id`,
        [roleplay.id]
      )
      expect(audit.map((row) => row.actor_id)).toEqual([ids['tomas'], ids['admin']])
    })

    it('refuses control characters and broken Unicode naming the field; keeps markup as text', async () => {
      const { token, roleplay } = await issued()
      await redeemed(token, 'call-feedback-hostile')
      // The HTTP edge refuses what a person typed with unsafe characters, before the schema.
      const hostile = await feedback('tomas', roleplay.id, {
        comment: 'Bien\u0000 hecho',
        notes: [{ nodeId: null, text: 'Nota\u001b[31m roja\ud800' }]
      })
      expect(hostile.statusCode).toBe(400)
      expect(hostile.json()).toMatchObject({
        error: {
          code: 'invalid_argument',
          details: [
            { path: 'body.comment', flaw: 'control' },
            { path: 'body.notes.0.text', flaw: 'control' }
          ]
        }
      })
      const refused = [
        { comment: '', notes: [{ nodeId: 'offer\nend', text: 'x' }] },
        { comment: '', notes: [{ nodeId: null, text: '   ' }] },
        { comment: '', notes: [], trainerName: 'Someone else' },
        { comment: 'x'.repeat(4001), notes: [] },
        { comment: '', notes: Array.from({ length: 51 }, () => ({ nodeId: null, text: 'x' })) }
      ]
      for (const body of refused) {
        expect((await feedback('tomas', roleplay.id, body)).statusCode).toBe(400)
      }
      expect((await progress('ana')).feedback.map((f) => f.roleplayId)).not.toContain(roleplay.id)

      // Line breaks are kept (CRLF as LF), the ends trimmed; markup is only text to the schemas.
      const kept = await feedback('tomas', roleplay.id, {
        comment: '  <img src=x onerror=alert(1)>\r\nsigue así  ',
        notes: [{ nodeId: 'offer', text: ' <b>Nota</b>\t' }]
      })
      expect(kept.statusCode).toBe(200)
      expect(roleplayFeedbackSchema.parse(kept.json())).toMatchObject({
        comment: '<img src=x onerror=alert(1)>\nsigue así',
        notes: [{ nodeId: 'offer', text: '<b>Nota</b>' }]
      })
    })

    it("lists it in the trainee's progress, newest first, and in nobody else's", async () => {
      const older = await issued()
      const newer = await issued()
      await redeemed(older.token, 'call-progress-older')
      await redeemed(newer.token, 'call-progress-newer')
      expect(
        (await feedback('tomas', older.roleplay.id, { comment: 'Primero', notes: [] })).statusCode
      ).toBe(200)
      expect(
        (await feedback('tomas', newer.roleplay.id, { comment: 'Después', notes: [] })).statusCode
      ).toBe(200)

      const own = await progress('ana')
      const order = own.feedback.map((f) => f.roleplayId)
      expect(order.indexOf(newer.roleplay.id)).toBe(0)
      expect(order.indexOf(older.roleplay.id)).toBe(1)
      const followed = await progress(
        'tomas',
        `/api/training/trainees/${ids['ana'] ?? ''}/progress`
      )
      expect(followed.feedback.map((f) => f.roleplayId)).toEqual(order)

      expect((await progress('bruno')).feedback).toEqual([])
      expect((await progress('tomas')).feedback).toEqual([])
    })

    it("scores the trainee's side with the shipped training form; she alone of the floor pulls it", async () => {
      await seedEvaluationForms(database.db)
      const { token, roleplay } = await issued()
      await redeemed(token, 'call-rp-form')
      const { traineeCallId } = roleplayLiveSchema.parse(
        (await live('tomas', roleplay.id)).json()
      ).roleplay
      expect(traineeCallId).toBe('call-rp-form')
      const result = async (user: string, mutation: unknown) => {
        const outcome = (await push(app, tokens[user] ?? '', [mutation])).results[0]
        return outcome?.status === 'rejected' ? outcome.reason.code : outcome?.status
      }
      const given = (questionId: string, value: string | number | null, comment = '') => ({
        questionId,
        value,
        na: value === null,
        comment
      })
      const answers = [
        given('mandatory-lines', 'yes'),
        given('script-finished', 'yes'),
        given('natural-delivery', 5),
        given('listened', 4, 'Interrumpió una vez.'),
        given('objections', 'convincing'),
        given('offer-made', null),
        given('within-authority', 'yes'),
        given('right-record', null),
        given('practise', 'Escuchar hasta el final.')
      ]
      const save = saveMutation({
        agentId: ids['ana'] ?? '',
        callId: traineeCallId ?? '',
        formId: 'practice-training',
        practice: true,
        answers
      })
      // A lead scores production calls only, and nobody scores a role-play as one.
      expect(await result('carla', save)).toBe('forbidden')
      expect(await result('tomas', { ...save, args: { ...save.args, practice: false } })).toBe(
        'forbidden'
      )
      expect(await result('tomas', save)).toBe('applied')
      expect(await result('tomas', stepMutation('evaluation.release', save.args.id))).toBe(
        'applied'
      )
      const released = await latestPulled(app, tokens['ana'] ?? '', save.args.id)
      expect(released).toMatchObject({ kind: 'training', practice: true, state: 'released' })
      expect(await latestPulled(app, tokens['bruno'] ?? '', save.args.id)).toBeNull()
      expect(await latestPulled(app, tokens['carla'] ?? '', save.args.id)).toBeNull()
      expect(await result('ana', stepMutation('evaluation.acknowledge', save.args.id))).toBe(
        'applied'
      )
      expect(await latestPulled(app, tokens['tomas'] ?? '', save.args.id)).toMatchObject({
        state: 'acknowledged'
      })
    })
  }
)
