import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { complaintSchema } from '@shared/domain/complaint'
import { complaintEventSchema } from '@shared/domain/complaint-event'
import { describeOnEngines } from '@support/engine-suite'
import { complaintArgs, complaintMutation, login, pullAll, push } from '../../support/server-app'

/**
 * Escalation (an agent to their team's lead, with a reason) and assignment (a lead gives a case
 * to someone of the team; an agent takes an unassigned one), decided by the server and kept in
 * the timeline and the audit log.
 */
describeOnEngines(
  'complaint escalation and assignment on %s',
  { customers: 2 },
  ({ database, app }) => {
    const tokens: Record<string, string> = {}
    const ids: Record<string, string> = {}

    beforeAll(async () => {
      const users = ['ana', 'bruno', 'carla', 'diego', 'elena', 'tomas', 'admin']
      for (const user of users) tokens[user] = (await login(app, user)).accessToken
      const rows = await database.db.query<{ id: string; username: string }>(
        'SELECT id, username FROM users'
      )
      for (const r of rows) ids[r.username] = r.id
    })

    const token = (user: string): string => tokens[user] ?? ''
    const idOf = (user: string): string => ids[user] ?? ''
    const escalate = (
      complaintId: string,
      reason = 'El cliente exige hablar con un supervisor'
    ) => ({
      id: randomUUID(),
      name: 'complaint.escalate',
      args: { id: randomUUID(), complaintId, reason, at: new Date().toISOString() }
    })
    const assign = (complaintId: string, assignee: string) => ({
      id: randomUUID(),
      name: 'complaint.assign',
      args: {
        id: randomUUID(),
        complaintId,
        assigneeId: idOf(assignee),
        at: new Date().toISOString()
      }
    })
    const send = async (user: string, mutation: unknown) =>
      (await push(app, token(user), [mutation])).results[0]
    const fileComplaint = async (user = 'ana'): Promise<string> => {
      const args = complaintArgs()
      const { results } = await push(app, token(user), [complaintMutation(args)])
      expect(results[0]?.status).toBe('applied')
      return args.id
    }
    const row = async (id: string) =>
      (
        await database.db.query<{
          assignee_id: string | null
          escalated_at: Date | null
          escalation_reason: string | null
        }>('SELECT assignee_id, escalated_at, escalation_reason FROM complaints WHERE id = $1', [
          id
        ])
      )[0]
    const events = async (id: string) =>
      database.db.query<{ action: string; note: string | null; assignee_id: string | null }>(
        `SELECT action, note, assignee_id FROM complaint_events WHERE complaint_id = $1
       ORDER BY at, received_at`,
        [id]
      )
    const audits = async (id: string) =>
      database.db.query<{ action: string; actor_id: string }>(
        'SELECT action, actor_id FROM audit_log WHERE target = $1 ORDER BY id',
        [id]
      )
    const refusal = (code: string) => ({ status: 'rejected', reason: { code } })

    it('an agent escalates to the lead with a reason; the lead pulls it; a second escalation is refused', async () => {
      const id = await fileComplaint('ana')
      expect(await send('ana', escalate(id, 'Pide hablar con el supervisor'))).toMatchObject({
        status: 'applied'
      })
      expect(await row(id)).toMatchObject({
        assignee_id: null,
        escalation_reason: 'Pide hablar con el supervisor'
      })
      expect((await row(id))?.escalated_at).toBeInstanceOf(Date)
      expect(await events(id)).toEqual([
        { action: 'escalated', note: 'Pide hablar con el supervisor', assignee_id: null }
      ])
      expect(await audits(id)).toEqual([{ action: 'complaint.escalated', actor_id: idOf('ana') }])
      const { changes } = await pullAll(app, token('carla'), 0)
      const pulled = changes
        .filter((c) => c.entity === 'complaint')
        .map((c) => complaintSchema.parse(c.data))
        .filter((c) => c.id === id)
        .at(-1)
      expect(pulled?.escalationReason).toBe('Pide hablar con el supervisor')
      expect(pulled?.escalatedAt).not.toBeNull()
      const event = changes
        .filter((c) => c.entity === 'complaint_event')
        .map((c) => complaintEventSchema.parse(c.data))
        .find((e) => e.complaintId === id)
      expect(event?.action).toBe('escalated')
      expect(await send('ana', escalate(id))).toMatchObject(refusal('conflict'))
      // Only agents escalate, and only on their own team's cases.
      const other = await fileComplaint('ana')
      expect(await send('carla', escalate(other))).toMatchObject(refusal('forbidden'))
      expect(await send('diego', escalate(other))).toMatchObject(refusal('forbidden'))
      expect(await send('tomas', escalate(other))).toMatchObject(refusal('forbidden'))
      expect(await events(other)).toEqual([])
    })

    it('the lead assigns the escalated case within the team, answering the escalation; then reassigns', async () => {
      const id = await fileComplaint('ana')
      expect(await send('ana', escalate(id))).toMatchObject({ status: 'applied' })
      // A case waiting for the lead cannot be taken by another agent.
      expect(await send('bruno', assign(id, 'bruno'))).toMatchObject(refusal('conflict'))
      // Assignees come from the case's team, and are agents or leads.
      expect(await send('carla', assign(id, 'diego'))).toMatchObject(refusal('invalid_argument'))
      expect(await send('carla', assign(id, 'tomas'))).toMatchObject(refusal('invalid_argument'))
      // Another team's lead, and agents, do not assign.
      expect(await send('elena', assign(id, 'bruno'))).toMatchObject(refusal('forbidden'))
      expect(await send('ana', assign(id, 'bruno'))).toMatchObject(refusal('forbidden'))
      expect((await row(id))?.assignee_id).toBeNull()

      expect(await send('carla', assign(id, 'bruno'))).toMatchObject({ status: 'applied' })
      expect(await row(id)).toEqual({
        assignee_id: idOf('bruno'),
        escalated_at: null,
        escalation_reason: null
      })
      expect(await send('carla', assign(id, 'bruno'))).toMatchObject(refusal('conflict'))
      expect(await send('carla', assign(id, 'ana'))).toMatchObject({ status: 'applied' })
      expect(await send('admin', assign(id, 'bruno'))).toMatchObject({ status: 'applied' })
      expect((await events(id)).map((e) => [e.action, e.assignee_id])).toEqual([
        ['escalated', null],
        ['assigned', idOf('bruno')],
        ['reassigned', idOf('ana')],
        ['reassigned', idOf('bruno')]
      ])
      expect((await audits(id)).map((a) => a.action)).toEqual([
        'complaint.escalated',
        'complaint.assigned',
        'complaint.assigned',
        'complaint.assigned'
      ])
      // The assignee's client pulls the case with its new owner.
      const { changes } = await pullAll(app, token('bruno'), 0)
      const latest = changes
        .filter((c) => c.entity === 'complaint')
        .map((c) => complaintSchema.parse(c.data))
        .filter((c) => c.id === id)
        .at(-1)
      expect(latest).toMatchObject({ assigneeId: idOf('bruno'), escalatedAt: null })
    })

    it('an agent takes an unassigned case of their team, for themselves only, once', async () => {
      const id = await fileComplaint('ana')
      expect(await send('bruno', assign(id, 'ana'))).toMatchObject(refusal('forbidden'))
      expect(await send('diego', assign(id, 'diego'))).toMatchObject(refusal('forbidden'))
      expect(await send('bruno', assign(id, 'bruno'))).toMatchObject({ status: 'applied' })
      expect(await send('ana', assign(id, 'ana'))).toMatchObject(refusal('conflict'))
      expect(await events(id)).toEqual([
        { action: 'taken', note: null, assignee_id: idOf('bruno') }
      ])
    })

    it('refuses escalation of a resolved case and assignment of a closed one', async () => {
      const id = await fileComplaint('ana')
      const step = (action: string) => ({
        id: randomUUID(),
        name: 'complaint.transition',
        args: {
          id: randomUUID(),
          complaintId: id,
          action,
          note: null,
          at: new Date().toISOString()
        }
      })
      expect(await send('ana', step('resolve'))).toMatchObject({ status: 'applied' })
      expect(await send('ana', escalate(id))).toMatchObject(refusal('conflict'))
      expect(await send('carla', assign(id, 'bruno'))).toMatchObject({ status: 'applied' })
      expect(await send('carla', step('close'))).toMatchObject({ status: 'applied' })
      expect(await send('carla', assign(id, 'ana'))).toMatchObject(refusal('conflict'))
    })

    it('applies an escalation and an assignment exactly once when pushed again', async () => {
      const id = await fileComplaint('ana')
      const up = escalate(id)
      const clientId = randomUUID()
      expect((await push(app, token('ana'), [up], clientId)).results[0]?.status).toBe('applied')
      expect((await push(app, token('ana'), [up], clientId)).results[0]?.status).toBe('applied')
      // The same event under a new mutation id (a retry after a lost answer) is no second event.
      const again = { ...up, id: randomUUID() }
      expect(await send('ana', again)).toMatchObject({ status: 'applied' })
      const give = assign(id, 'bruno')
      expect(await send('carla', give)).toMatchObject({ status: 'applied' })
      expect(await send('carla', { ...give, id: randomUUID() })).toMatchObject({
        status: 'applied'
      })
      expect((await events(id)).map((e) => e.action)).toEqual(['escalated', 'assigned'])
      // Someone else re-using the event id is refused.
      expect(await send('bruno', { ...give, id: randomUUID() })).toMatchObject(refusal('conflict'))
    })

    it('refuses a complaint that does not exist', async () => {
      expect(await send('ana', escalate(randomUUID()))).toMatchObject(refusal('not_found'))
      expect(await send('carla', assign(randomUUID(), 'bruno'))).toMatchObject(refusal('not_found'))
    })
  }
)
