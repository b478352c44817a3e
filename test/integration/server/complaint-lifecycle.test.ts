import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { complaintSchema } from '@shared/domain/complaint'
import { complaintEventSchema } from '@shared/domain/complaint-event'
import { describeOnEngines } from '@support/engine-suite'
import {
  complaintArgs,
  complaintMutation,
  login,
  pull,
  pullAll,
  push
} from '../../support/server-app'

describeOnEngines('complaint lifecycle on %s', { customers: 2 }, ({ database, app }) => {
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    for (const user of ['ana', 'carla', 'diego', 'tomas', 'admin']) {
      tokens[user] = (await login(app, user)).accessToken
    }
  })

  const token = (user: string): string => tokens[user] ?? ''
  const transition = (complaintId: string, action: string, note: string | null = null) => ({
    id: randomUUID(),
    name: 'complaint.transition',
    args: { id: randomUUID(), complaintId, action, note, at: new Date().toISOString() }
  })
  const step = async (user: string, complaintId: string, action: string) =>
    (await push(app, token(user), [transition(complaintId, action)])).results[0]
  const fileComplaint = async (user = 'ana'): Promise<string> => {
    const args = complaintArgs()
    const { results } = await push(app, token(user), [complaintMutation(args)])
    expect(results[0]?.status).toBe('applied')
    return args.id
  }
  const statusOf = async (id: string): Promise<string | undefined> =>
    (
      await database.db.query<{ status: string }>('SELECT status FROM complaints WHERE id = $1', [
        id
      ])
    )[0]?.status
  const events = async (id: string) =>
    database.db.query<{
      action: string
      from_status: string
      to_status: string
      note: string | null
    }>(
      'SELECT action, from_status, to_status, note FROM complaint_events WHERE complaint_id = $1 ORDER BY at, received_at',
      [id]
    )

  it('walks a case from open to closed: the agent starts and resolves, the lead closes', async () => {
    const id = await fileComplaint()
    const cursor = (await pull(app, token('carla'), 0, 1)).cursor
    const start = transition(id, 'start', 'Llamé al cliente')
    expect((await push(app, token('ana'), [start])).results[0]?.status).toBe('applied')
    expect(await step('ana', id, 'resolve')).toMatchObject({ status: 'applied' })
    // Closing is a lead's decision.
    expect(await step('ana', id, 'close')).toMatchObject({
      status: 'rejected',
      reason: { code: 'forbidden' }
    })
    expect(await statusOf(id)).toBe('resolved')
    expect(await step('carla', id, 'close')).toMatchObject({ status: 'applied' })
    expect(await statusOf(id)).toBe('closed')
    expect(await events(id)).toEqual([
      { action: 'start', from_status: 'open', to_status: 'in_progress', note: 'Llamé al cliente' },
      { action: 'resolve', from_status: 'in_progress', to_status: 'resolved', note: null },
      { action: 'close', from_status: 'resolved', to_status: 'closed', note: null }
    ])
    const resolved = await database.db.query<{ resolved_at: Date | null }>(
      'SELECT resolved_at FROM complaints WHERE id = $1',
      [id]
    )
    expect(resolved[0]?.resolved_at).toBeInstanceOf(Date)
    // The lead's client and the agent's both pull the new status.
    for (const user of ['carla', 'ana']) {
      const { changes } = await pullAll(app, token(user), cursor)
      const latest = changes
        .filter((c) => c.entity === 'complaint')
        .map((c) => complaintSchema.parse(c.data))
        .filter((c) => c.id === id)
        .at(-1)
      expect(latest?.status).toBe('closed')
    }
    // Only a lead reopens a closed case.
    expect(await step('ana', id, 'reopen')).toMatchObject({
      status: 'rejected',
      reason: { code: 'forbidden' }
    })
    expect(await step('carla', id, 'reopen')).toMatchObject({ status: 'applied' })
    expect(await statusOf(id)).toBe('in_progress')
  })

  it('refuses a step the status does not allow, with the reason', async () => {
    const id = await fileComplaint()
    const refused = await step('ana', id, 'customer_replied')
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } })
    expect(JSON.stringify(refused)).toContain('customer_replied')
    expect(await statusOf(id)).toBe('open')
    expect(await events(id)).toEqual([])
  })

  it("refuses another team's complaint to agents and leads, and trainers always", async () => {
    const id = await fileComplaint('ana')
    for (const user of ['diego', 'tomas']) {
      expect(await step(user, id, 'start')).toMatchObject({
        status: 'rejected',
        reason: { code: 'forbidden' }
      })
    }
    expect(await statusOf(id)).toBe('open')
    // Admins work every queue.
    expect(await step('admin', id, 'start')).toMatchObject({ status: 'applied' })
  })

  it('refuses a complaint that does not exist', async () => {
    expect(await step('ana', randomUUID(), 'start')).toMatchObject({
      status: 'rejected',
      reason: { code: 'not_found' }
    })
  })

  it('applies a step exactly once when it is pushed again, under the same or a new mutation id', async () => {
    const id = await fileComplaint()
    const clientId = randomUUID()
    const start = transition(id, 'start')
    const first = await push(app, token('ana'), [start], clientId)
    const again = await push(app, token('ana'), [start], clientId)
    expect(again.results).toEqual(first.results)
    const retried = await push(app, token('ana'), [{ ...start, id: randomUUID() }], clientId)
    expect(retried.results[0]?.status).toBe('applied')
    expect(await events(id)).toHaveLength(1)
    expect(await statusOf(id)).toBe('in_progress')
  })
  it("keeps notes and steps in the timeline the team's clients pull, and only the team writes notes", async () => {
    const id = await fileComplaint()
    const cursor = (await pullAll(app, token('carla'))).cursor
    const noteOf = (note: string) => ({
      id: randomUUID(),
      name: 'complaint.note',
      args: { id: randomUUID(), complaintId: id, note, at: new Date().toISOString() }
    })
    const note = noteOf('El cliente pide que le llamen por la tarde')
    expect((await push(app, token('ana'), [note])).results[0]?.status).toBe('applied')
    // The same note under a new mutation id (a retry) is one note.
    await push(app, token('ana'), [{ ...note, id: randomUUID() }])
    expect(await step('ana', id, 'start')).toMatchObject({ status: 'applied' })
    for (const user of ['diego', 'tomas']) {
      expect((await push(app, token(user), [noteOf('No es mío')])).results[0]).toMatchObject({
        status: 'rejected',
        reason: { code: 'forbidden' }
      })
    }
    expect(await events(id)).toEqual([
      {
        action: 'note',
        from_status: 'open',
        to_status: 'open',
        note: 'El cliente pide que le llamen por la tarde'
      },
      { action: 'start', from_status: 'open', to_status: 'in_progress', note: null }
    ])
    const pulled = (await pullAll(app, token('carla'), cursor)).changes
      .filter((c) => c.entity === 'complaint_event')
      .map((c) => complaintEventSchema.parse(c.data))
    expect(pulled.map((e) => [e.action, e.complaintId])).toEqual([
      ['note', id],
      ['start', id]
    ])
    const other = (await pullAll(app, token('diego'), cursor)).changes
    expect(other.filter((c) => c.entity === 'complaint_event')).toEqual([])
  })
})
