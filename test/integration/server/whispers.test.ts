/**
 * Visual whispers through push and pull: sent by a lead of the agent's team (or an admin) and by
 * nobody else, private to the agent and the team's leads, applied once, audited, and
 * acknowledged by the agent alone.
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { login, pullAll, push } from '../../support/server-app'
import { describeOnEngines } from '@support/engine-suite'

type Session = Awaited<ReturnType<typeof login>>

function whisper(agentId: string, overrides = {}) {
  return {
    id: randomUUID(),
    name: 'whisper.send',
    args: {
      id: randomUUID(),
      agentId,
      callId: `call-${randomUUID()}`,
      kind: 'text',
      text: 'Ofrécele la retención',
      jumpId: null,
      jumpLabel: null,
      answersHand: false,
      sentAt: '2026-12-06T10:42:00.000Z',
      ...overrides
    }
  }
}

function acknowledge(id: string) {
  return {
    id: randomUUID(),
    name: 'whisper.acknowledge',
    args: { id, acknowledgedAt: '2026-12-06T10:42:30.000Z' }
  }
}

describeOnEngines('whispers on %s', {}, ({ database, app }) => {
  const users: Record<string, Session> = {}

  beforeAll(async () => {
    for (const name of ['ana', 'bruno', 'carla', 'diego', 'elena', 'tomas', 'admin']) {
      users[name] = await login(app, name)
    }
  })

  const token = (name: string): string => users[name]?.accessToken ?? ''
  const userId = (name: string): string => users[name]?.user.id ?? ''
  const pulled = async (name: string, id: string) =>
    (await pullAll(app, token(name))).changes.flatMap((c) =>
      c.entity === 'whisper' && c.data.id === id ? [c.data] : []
    )

  it('reaches the agent and the team’s leads only, once, with the lead’s name, and is audited', async () => {
    const mutation = whisper(userId('ana'), { answersHand: true })
    const clientId = randomUUID()
    const first = await push(app, token('carla'), [mutation], clientId)
    const again = await push(app, token('carla'), [mutation], clientId)
    // The same whisper re-sent under a new mutation id (a lost answer) is the same whisper.
    const resent = await push(app, token('carla'), [{ ...mutation, id: randomUUID() }])
    expect(first.results.map((r) => r.status)).toEqual(['applied'])
    expect(again.results).toEqual(first.results)
    expect(resent.results[0]?.status).toBe('applied')
    const rows = await database.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM whispers WHERE id = $1',
      [mutation.args.id]
    )
    expect(rows[0]?.n).toBe(1)

    const seenByAna = await pulled('ana', mutation.args.id)
    expect(seenByAna).toEqual([
      expect.objectContaining({
        agentId: userId('ana'),
        leadId: userId('carla'),
        leadName: 'Carla Méndez',
        text: 'Ofrécele la retención',
        answersHand: true,
        acknowledgedAt: null
      })
    ])
    expect(await pulled('carla', mutation.args.id)).toHaveLength(1)
    expect(await pulled('admin', mutation.args.id)).toHaveLength(1)
    for (const other of ['bruno', 'diego', 'elena', 'tomas']) {
      expect(await pulled(other, mutation.args.id), other).toEqual([])
    }

    const audit = await database.db.query<{ actor_id: string; details: { agentId: string } }>(
      `SELECT actor_id, details FROM audit_log WHERE action = 'whisper.sent' AND target = $1`,
      [mutation.args.id]
    )
    expect(audit.map((a) => [a.actor_id, a.details.agentId])).toEqual([
      [userId('carla'), userId('ana')]
    ])
  })

  it('lets an admin whisper a jump to any team’s agent', async () => {
    const jump = whisper(userId('diego'), {
      kind: 'jump',
      text: '',
      jumpId: 'retention',
      jumpLabel: 'Oferta de retención'
    })
    const answer = await push(app, token('admin'), [jump])
    expect(answer.results[0]?.status).toBe('applied')
    expect(await pulled('diego', jump.args.id)).toEqual([
      expect.objectContaining({ kind: 'jump', jumpId: 'retention', leadName: 'Administración' })
    ])
    expect(await pulled('elena', jump.args.id)).toHaveLength(1)
    expect(await pulled('carla', jump.args.id)).toEqual([])
  })

  it('refuses senders who are not the agent’s lead, unknown agents and malformed whispers', async () => {
    const answer = await push(app, token('elena'), [whisper(userId('ana'))])
    expect(answer.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } })
    for (const sender of ['bruno', 'ana', 'tomas']) {
      const byAgent = await push(app, token(sender), [whisper(userId('ana'))])
      expect(byAgent.results[0], sender).toMatchObject({
        status: 'rejected',
        reason: { code: 'forbidden' }
      })
    }
    const outsider = await push(app, token('carla'), [
      whisper(randomUUID()),
      whisper(userId('tomas')),
      whisper(userId('ana'), { text: '' }),
      whisper(userId('ana'), { text: 'x'.repeat(281) }),
      whisper(userId('ana'), { kind: 'jump', jumpId: null })
    ])
    expect(outsider.results.map((r) => r.status === 'rejected' && r.reason.code)).toEqual([
      'not_found',
      'invalid_argument',
      'invalid_argument',
      'invalid_argument',
      'invalid_argument'
    ])
    const rows = await database.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM whispers WHERE agent_id = $1 AND lead_id <> $2',
      [userId('ana'), userId('carla')]
    )
    expect(rows[0]?.n).toBe(0)
  })

  it('is acknowledged by its agent only, and a second time changes nothing', async () => {
    const sent = whisper(userId('ana'))
    await push(app, token('carla'), [sent])
    for (const other of ['carla', 'bruno', 'admin']) {
      const refused = await push(app, token(other), [acknowledge(sent.args.id)])
      expect(refused.results[0], other).toMatchObject({
        status: 'rejected',
        reason: { code: 'not_found' }
      })
    }
    const first = await push(app, token('ana'), [acknowledge(sent.args.id)])
    expect(first.results[0]?.status).toBe('applied')
    const later = {
      ...acknowledge(sent.args.id),
      args: { id: sent.args.id, acknowledgedAt: '2026-12-06T11:00:00.000Z' }
    }
    const second = await push(app, token('ana'), [later])
    expect(second.results[0]?.status).toBe('applied')

    const versions = await pulled('carla', sent.args.id)
    expect(versions.map((w) => w.acknowledgedAt)).toEqual([null, '2026-12-06T10:42:30.000Z'])
  })
})
