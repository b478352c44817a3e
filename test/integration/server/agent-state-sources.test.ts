/**
 * Agent states not set by the desk: the server's "connection lost" fact (recorded once, however
 * many instances notice the silence) and a lead forcing an agent's state (only a lead of the
 * agent's team or an admin, attributed, audited, private to the agent and the team's leads).
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { recordSystemAgentState } from '@server/agent-state/system-state'
import type { Change } from '@shared/sync/protocol'
import { describeOnEngines } from '@support/engine-suite'
import { login, pullAll, push } from '../../support/server-app'

const agentStatesOf = (changes: Change[]) =>
  changes.flatMap((c) => (c.entity === 'agent_state' ? [c.data] : []))

function forceMutation(agentId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    name: 'agent_state.force',
    args: {
      id: randomUUID(),
      agentId,
      state: 'not_ready',
      pauseReason: 'meeting',
      note: 'Reunión de equipo en la sala 2',
      since: new Date().toISOString(),
      ...overrides
    }
  }
}

function deskMutation(state: string, since: string) {
  return {
    id: randomUUID(),
    name: 'agent_state.record',
    args: { id: randomUUID(), state, pauseReason: null, since }
  }
}

describeOnEngines('agent states set by the server and by leads on %s', {}, ({ database, app }) => {
  const users = new Map<string, { token: string; id: string; teamId: string | null }>()

  beforeAll(async () => {
    for (const user of ['ana', 'bruno', 'diego', 'carla', 'elena', 'tomas', 'admin']) {
      const session = await login(app, user)
      users.set(user, {
        token: session.accessToken,
        id: session.user.id,
        teamId: session.user.teamId
      })
    }
  })

  const user = (name: string) => {
    const found = users.get(name)
    if (!found) throw new Error(`no session for ${name}`)
    return found
  }
  const seenBy = async (name: string, id: string) =>
    agentStatesOf((await pullAll(app, user(name).token)).changes).find((s) => s.id === id)

  it('records a lost connection once, even from two instances at the same moment', async () => {
    const ana = user('ana')
    const fact = {
      id: randomUUID(),
      agentId: ana.id,
      teamId: ana.teamId ?? '',
      state: 'connection_lost' as const,
      pauseReason: null,
      since: new Date().toISOString()
    }
    const answers = await Promise.all([
      recordSystemAgentState(database.db, fact),
      recordSystemAgentState(database.db, fact)
    ])
    expect(answers.filter(Boolean)).toHaveLength(1)
    const rows = await database.db.query<{ state: string; source: string }>(
      'SELECT state, source FROM agent_states WHERE id = $1',
      [fact.id]
    )
    expect(rows).toEqual([{ state: 'connection_lost', source: 'system' }])
    const logged = await database.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM change_log WHERE entity_id = $1',
      [fact.id]
    )
    expect(logged[0]?.n).toBe(1)
    expect(await seenBy('carla', fact.id)).toMatchObject({
      state: 'connection_lost',
      source: 'system',
      setBy: null,
      agentId: ana.id
    })
    expect(await seenBy('ana', fact.id)).toMatchObject({ state: 'connection_lost' })
    expect(await seenBy('admin', fact.id)).toBeDefined()
    expect(await seenBy('bruno', fact.id)).toBeUndefined()
    expect(await seenBy('diego', fact.id)).toBeUndefined()
    expect(await seenBy('elena', fact.id)).toBeUndefined()
  })

  it('records no second "connection lost" over a lost or logged-out desk', async () => {
    const bruno = user('bruno')
    const at = (s: number) => new Date(Date.now() + s * 1000).toISOString()
    const lost = (since: string) => ({
      id: randomUUID(),
      agentId: bruno.id,
      teamId: bruno.teamId ?? '',
      state: 'connection_lost' as const,
      pauseReason: null,
      since
    })
    await push(app, bruno.token, [deskMutation('on_call', at(1))])
    expect(await recordSystemAgentState(database.db, lost(at(2)))).toBe(true)
    expect(await recordSystemAgentState(database.db, lost(at(3)))).toBe(false)
    await push(app, bruno.token, [deskMutation('ready', at(4))])
    await push(app, bruno.token, [deskMutation('logged_out', at(5))])
    expect(await recordSystemAgentState(database.db, lost(at(6)))).toBe(false)
    await push(app, bruno.token, [deskMutation('ready', at(7))])
    expect(await recordSystemAgentState(database.db, lost(at(8)))).toBe(true)
    // A desk never says it lost its own connection.
    const desk = await push(app, bruno.token, [deskMutation('connection_lost', at(9))])
    expect(desk.results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'invalid_argument' }
    })
  })

  it("lets a lead force their team agent's state, attributed, audited and private", async () => {
    const carla = user('carla')
    const ana = user('ana')
    const forced = forceMutation(ana.id)
    const clientId = randomUUID()
    const first = await push(app, carla.token, [forced], clientId)
    expect(first.results[0]).toMatchObject({ status: 'applied' })
    // A retry under a new mutation id (a lost answer) is the same record, applied once.
    const retry = await push(app, carla.token, [{ ...forced, id: randomUUID() }], clientId)
    expect(retry.results[0]).toMatchObject({ status: 'applied' })
    const rows = await database.db.query<Record<string, unknown>>(
      `SELECT agent_id, state, pause_reason, source, set_by, set_by_name, note
       FROM agent_states WHERE id = $1`,
      [forced.args.id]
    )
    expect(rows).toEqual([
      {
        agent_id: ana.id,
        state: 'not_ready',
        pause_reason: 'meeting',
        source: 'lead',
        set_by: carla.id,
        set_by_name: 'Carla Méndez',
        note: 'Reunión de equipo en la sala 2'
      }
    ])
    const audit = await database.db.query<{ actor_id: string; target: string; details: unknown }>(
      `SELECT actor_id, target, details FROM audit_log WHERE action = 'agent_state.forced'
         AND details->>'recordId' = $1`,
      [forced.args.id]
    )
    expect(audit).toEqual([
      {
        actor_id: carla.id,
        target: ana.id,
        details: expect.objectContaining({ state: 'not_ready', pauseReason: 'meeting' }) as unknown
      }
    ])
    const expected = {
      state: 'not_ready',
      pauseReason: 'meeting',
      source: 'lead',
      setBy: carla.id,
      setByName: 'Carla Méndez',
      note: 'Reunión de equipo en la sala 2',
      agentId: ana.id
    }
    expect(await seenBy('ana', forced.args.id)).toMatchObject(expected)
    expect(await seenBy('carla', forced.args.id)).toMatchObject(expected)
    expect(await seenBy('admin', forced.args.id)).toMatchObject(expected)
    expect(await seenBy('bruno', forced.args.id)).toBeUndefined()
    expect(await seenBy('elena', forced.args.id)).toBeUndefined()
    expect(await seenBy('diego', forced.args.id)).toBeUndefined()
  })

  it('lets an admin force any team agent back to Ready', async () => {
    const diego = user('diego')
    const forced = forceMutation(diego.id, { state: 'ready', pauseReason: null, note: null })
    const answer = await push(app, user('admin').token, [forced])
    expect(answer.results[0]).toMatchObject({ status: 'applied' })
    expect(await seenBy('elena', forced.args.id)).toMatchObject({
      state: 'ready',
      source: 'lead',
      setByName: 'Administración'
    })
  })

  it('refuses agents, trainers, other teams, non-agents and unselectable reasons', async () => {
    const ana = user('ana')
    const code = async (pusher: string, mutation: ReturnType<typeof forceMutation>) => {
      const answer = await push(app, user(pusher).token, [mutation])
      const result = answer.results[0]
      return result?.status === 'rejected' ? result.reason.code : result?.status
    }
    expect(await code('bruno', forceMutation(ana.id))).toBe('forbidden')
    expect(await code('ana', forceMutation(ana.id))).toBe('forbidden')
    expect(await code('tomas', forceMutation(ana.id))).toBe('forbidden')
    expect(await code('elena', forceMutation(ana.id))).toBe('forbidden')
    expect(await code('carla', forceMutation(user('carla').id))).toBe('forbidden')
    expect(await code('carla', forceMutation(user('diego').id))).toBe('forbidden')
    expect(await code('carla', forceMutation(randomUUID()))).toBe('forbidden')
    expect(await code('carla', forceMutation(ana.id, { pauseReason: 'phone_problem' }))).toBe(
      'invalid_argument'
    )
    expect(await code('carla', forceMutation(ana.id, { pauseReason: 'nap' }))).toBe(
      'invalid_argument'
    )
    // Only Ready and Not Ready may be forced; Not Ready always with its reason.
    for (const overrides of [
      { state: 'on_call', pauseReason: null },
      { state: 'logged_out', pauseReason: null },
      { state: 'connection_lost', pauseReason: null },
      { state: 'not_ready', pauseReason: null },
      { state: 'ready', pauseReason: 'meeting' },
      { note: 'x'.repeat(201) }
    ]) {
      expect(await code('carla', forceMutation(ana.id, overrides))).toBe('invalid_argument')
    }
    const rows = await database.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM agent_states WHERE source = 'lead' AND set_by <> $1`,
      [user('admin').id]
    )
    expect(rows[0]?.n).toBe(1)
  })
})
