/**
 * Dispositions and callbacks through push and pull: applied exactly once, scoped by role and
 * team, practice kept apart from production, and malformed or unauthorised ones refused with a
 * reason.
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { PROTOCOL_VERSION } from '@shared/sync/protocol'
import { interactionMutation, login, pullAll, push, syncHeaders } from '../../support/server-app'
import { describeOnEngines } from '@support/engine-suite'

type Session = Awaited<ReturnType<typeof login>>

function interaction(callId: string) {
  return interactionMutation({ callId })
}

function disposition(callId: string, interactionId: string | null, overrides = {}) {
  return {
    id: randomUUID(),
    name: 'disposition.record',
    args: {
      id: randomUUID(),
      callId,
      interactionId,
      practice: interactionId === null,
      code: 'resolved',
      note: 'Todo aclarado',
      customerId: null,
      recordedAt: '2026-11-24T10:03:00.000Z',
      ...overrides
    }
  }
}

function callback(assigneeId: string, overrides = {}) {
  return {
    id: randomUUID(),
    name: 'callback.schedule',
    args: {
      id: randomUUID(),
      customerId: null,
      contactName: 'José Núñez',
      phoneE164: '+34612345678',
      dueAt: '2026-11-25T09:00:00.000Z',
      note: 'Confirmar el abono',
      assigneeId,
      practice: false,
      callId: null,
      createdAt: '2026-11-24T10:03:00.000Z',
      ...overrides
    }
  }
}

function complete(id: string) {
  return {
    id: randomUUID(),
    name: 'callback.complete',
    args: { id, completedAt: '2026-11-25T09:05:00.000Z' }
  }
}

describeOnEngines('dispositions and callbacks on %s', {}, ({ database, app }) => {
  const users: Record<string, Session> = {}

  beforeAll(async () => {
    for (const name of ['ana', 'bruno', 'carla', 'diego', 'elena', 'tomas', 'admin']) {
      users[name] = await login(app, name)
    }
  })

  const token = (name: string): string => users[name]?.accessToken ?? ''
  const userId = (name: string): string => users[name]?.user.id ?? ''
  const sees = async (name: string, entity: string, id: string): Promise<boolean> =>
    (await pullAll(app, token(name))).changes.some(
      (c) => c.entity === entity && 'id' in c.data && c.data.id === id
    )

  it('records a call’s disposition exactly once, for the agent and their lead only', async () => {
    const call = interaction(`call-${randomUUID()}`)
    const mutation = disposition(call.args.callId, call.args.id)
    const clientId = randomUUID()
    const first = await push(app, token('ana'), [call, mutation], clientId)
    const again = await push(app, token('ana'), [call, mutation], clientId)
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect(again.results).toEqual(first.results)
    const rows = await database.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dispositions WHERE interaction_id = $1',
      [call.args.id]
    )
    expect(rows[0]?.n).toBe(1)

    expect(await sees('ana', 'disposition', mutation.args.id)).toBe(true)
    expect(await sees('carla', 'disposition', mutation.args.id)).toBe(true)
    expect(await sees('admin', 'disposition', mutation.args.id)).toBe(true)
    expect(await sees('bruno', 'disposition', mutation.args.id)).toBe(false)
    expect(await sees('diego', 'disposition', mutation.args.id)).toBe(false)
    expect(await sees('elena', 'disposition', mutation.args.id)).toBe(false)
    expect(await sees('tomas', 'disposition', mutation.args.id)).toBe(false)
    // The initial load streams what the pull would give: a teammate's private row stays out.
    const bulk = async (name: string): Promise<string> =>
      (
        await app.inject({
          method: 'GET',
          url: '/api/sync/bulk?cursor=0',
          headers: syncHeaders(token(name))
        })
      ).body
    expect(await bulk('carla')).toContain(mutation.args.id)
    expect(await bulk('bruno')).not.toContain(mutation.args.id)

    // Another disposition for the same call, under a new id, is a conflict rather than a twin.
    const second = await push(app, token('ana'), [disposition(call.args.callId, call.args.id)])
    expect(second.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } })
  })

  it('keeps practice dispositions apart: trainers and admins see them, the team does not', async () => {
    const practice = disposition(`practice-${randomUUID()}`, null)
    const answer = await push(app, token('ana'), [practice])
    expect(answer.results[0]?.status).toBe('applied')
    expect(await sees('tomas', 'disposition', practice.args.id)).toBe(true)
    expect(await sees('admin', 'disposition', practice.args.id)).toBe(true)
    expect(await sees('carla', 'disposition', practice.args.id)).toBe(false)
    expect(await sees('bruno', 'disposition', practice.args.id)).toBe(false)

    const trainerPractice = disposition(`practice-${randomUUID()}`, null)
    const byTrainer = await push(app, token('tomas'), [trainerPractice])
    expect(byTrainer.results[0]?.status).toBe('applied')
  })

  it('refuses dispositions that name a foreign call, an unknown code, or production by a trainer', async () => {
    const call = interaction(`call-${randomUUID()}`)
    await push(app, token('ana'), [call])
    const answer = await push(app, token('bruno'), [
      disposition(call.args.callId, call.args.id),
      disposition(`call-${randomUUID()}`, randomUUID()),
      disposition(call.args.callId, call.args.id, { code: 'no_such_code' }),
      disposition(call.args.callId, call.args.id, { practice: false, interactionId: null }),
      disposition(call.args.callId, call.args.id, { note: 'x'.repeat(5000) })
    ])
    expect(answer.results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual(
      ['not_found', 'not_found', 'invalid_argument', 'invalid_argument', 'invalid_argument']
    )
    const trainer = await push(app, token('tomas'), [disposition(call.args.callId, call.args.id)])
    expect(trainer.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } })
  })

  it('shares a callback with the team, lets the assignee complete it once, and hides it from other teams', async () => {
    const scheduled = callback(userId('bruno'))
    const clientId = randomUUID()
    const first = await push(app, token('ana'), [scheduled], clientId)
    const again = await push(app, token('ana'), [scheduled], clientId)
    expect(first.results[0]?.status).toBe('applied')
    expect(again.results).toEqual(first.results)

    for (const name of ['ana', 'bruno', 'carla', 'admin']) {
      expect(await sees(name, 'callback', scheduled.args.id)).toBe(true)
    }
    for (const name of ['diego', 'elena', 'tomas']) {
      expect(await sees(name, 'callback', scheduled.args.id)).toBe(false)
    }

    // Another team's lead cannot complete it, nor learn that it exists.
    const foreign = await push(app, token('elena'), [complete(scheduled.args.id)])
    expect(foreign.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } })

    const done = complete(scheduled.args.id)
    const doneFirst = await push(app, token('bruno'), [done], clientId)
    const doneAgain = await push(app, token('bruno'), [done], clientId)
    expect(doneFirst.results[0]?.status).toBe('applied')
    expect(doneAgain.results).toEqual(doneFirst.results)
    const latest = (await pullAll(app, token('carla'))).changes.filter(
      (c) => c.entity === 'callback' && c.data.id === scheduled.args.id
    )
    expect(latest.at(-1)?.data).toMatchObject({ status: 'done', completedBy: userId('bruno') })
    const rows = await database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM callbacks WHERE id = $1 AND status = 'done'",
      [scheduled.args.id]
    )
    expect(rows[0]?.n).toBe(1)
  })

  it('refuses callbacks assigned outside the team, production ones by trainers, and bad numbers', async () => {
    const answer = await push(app, token('ana'), [
      callback(userId('diego')),
      callback(userId('ana'), { phoneE164: '612345678' }),
      callback(userId('ana'), { dueAt: 'tomorrow' }),
      callback(userId('bruno'), { practice: true })
    ])
    expect(answer.results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual(
      ['invalid_argument', 'invalid_argument', 'invalid_argument', 'forbidden']
    )
    const trainer = await push(app, token('tomas'), [callback(userId('tomas'))])
    expect(trainer.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } })
    const practice = callback(userId('tomas'), { practice: true })
    const trainerPractice = await push(app, token('tomas'), [practice])
    expect(trainerPractice.results[0]?.status).toBe('applied')
    expect(await sees('tomas', 'callback', practice.args.id)).toBe(true)
    expect(await sees('carla', 'callback', practice.args.id)).toBe(false)
  })

  it('answers a wrongly typed push body with a 400 and a reason, never a 5xx', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: syncHeaders(token('ana')),
      payload: { protocolVersion: PROTOCOL_VERSION, clientId: 'nope', mutations: 'callback' }
    })
    expect(response.statusCode).toBe(400)
    expect(response.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'invalid_argument'
    })
  })
})
