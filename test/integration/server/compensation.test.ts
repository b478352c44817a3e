import { randomUUID } from 'node:crypto'

import { beforeAll, beforeEach, expect, it } from 'vitest'

import { compensationSchema } from '@shared/domain/compensation-record'
import { complaintEventSchema } from '@shared/domain/complaint-event'
import { describeOnEngines } from '@support/engine-suite'
import { complaintArgs, complaintMutation, login, pullAll, push } from '../../support/server-app'

/**
 * The server decides every compensation again on its own data, whatever the client says, and
 * only a lead of the agent's team (or an admin) decides a request, once. Default limits (USD):
 * agents 100 per grant to high-yield customers, 20 to standard ones; 300 a day per agent;
 * 500 a day per customer.
 */
describeOnEngines('compensation within authority on %s', { customers: 8 }, ({ database, app }) => {
  const tokens: Record<string, string> = {}
  const customers: string[] = []

  beforeAll(async () => {
    for (const user of ['ana', 'bruno', 'carla', 'diego', 'elena', 'tomas', 'admin']) {
      tokens[user] = (await login(app, user)).accessToken
    }
    const rows = await database.db.query<{ id: string }>(
      'SELECT id FROM customers ORDER BY external_ref'
    )
    customers.push(...rows.map((r) => r.id))
  })
  // Every test starts a new day: what earlier tests granted no longer counts against the caps.
  beforeEach(async () => {
    await database.db.query(
      "UPDATE compensations SET received_at = received_at - interval '2 days'"
    )
  })

  const token = (user: string): string => tokens[user] ?? ''
  const customer = async (index: number, tier: string): Promise<string> => {
    const id = customers[index]
    if (!id) throw new Error(`no customer ${index}`)
    await database.db.query('UPDATE customers SET tier = $2 WHERE id = $1', [id, tier])
    return id
  }
  const fileComplaint = async (customerId: string | null, user = 'ana'): Promise<string> => {
    const args = complaintArgs({ customerId })
    const { results } = await push(app, token(user), [complaintMutation(args)])
    expect(results[0]?.status).toBe('applied')
    return args.id
  }
  const grant = (complaintId: string, amount: number, overrides: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    name: 'compensation.grant',
    args: {
      id: randomUUID(),
      complaintId,
      type: 'credit',
      amount,
      currency: 'USD',
      reason: 'Cargo duplicado en la factura',
      expected: 'granted',
      at: new Date().toISOString(),
      ...overrides
    }
  })
  const decide = (compensationId: string, decision: string, reason = 'Cliente de valor') => ({
    id: randomUUID(),
    name: 'compensation.decide',
    args: { id: randomUUID(), compensationId, decision, reason, at: new Date().toISOString() }
  })
  const send = async (user: string, mutation: unknown) =>
    (await push(app, token(user), [mutation])).results[0]
  const stored = async (id: string) =>
    (
      await database.db.query<{ status: string; approval_reason: string | null; tier: string }>(
        'SELECT status, approval_reason, tier FROM compensations WHERE id = $1',
        [id]
      )
    )[0]
  const audit = async (target: string) =>
    database.db.query<{ action: string; actor_id: string; details: Record<string, unknown> }>(
      'SELECT action, actor_id, details FROM audit_log WHERE target = $1 ORDER BY id',
      [target]
    )
  const timeline = async (complaintId: string) =>
    database.db.query<{ action: string; note: string | null; compensation_id: string | null }>(
      `SELECT action, note, compensation_id FROM complaint_events WHERE complaint_id = $1
       ORDER BY at, received_at`,
      [complaintId]
    )

  it('grants within authority at once and turns a tampered "within" above it into a request', async () => {
    const complaintId = await fileComplaint(await customer(0, 'standard'))
    const within = grant(complaintId, 20)
    expect(await send('ana', within)).toEqual({
      id: within.id,
      status: 'applied',
      compensation: 'granted'
    })
    expect(await stored(within.args.id)).toEqual({
      status: 'granted',
      approval_reason: null,
      tier: 'standard'
    })
    // The client claims it is within authority; 25 is over an agent's 20 for a standard customer.
    const tampered = grant(complaintId, 25, { expected: 'granted' })
    expect(await send('ana', tampered)).toMatchObject({
      status: 'applied',
      compensation: 'pending'
    })
    expect(await stored(tampered.args.id)).toMatchObject({
      status: 'pending',
      approval_reason: 'over_single_limit'
    })
    // A currency the limits are not set in is never within authority.
    const euros = grant(complaintId, 1, { currency: 'EUR' })
    expect(await send('ana', euros)).toMatchObject({ compensation: 'pending' })
    expect(await stored(euros.args.id)).toMatchObject({ approval_reason: 'other_currency' })
    expect(await timeline(complaintId)).toEqual([
      {
        action: 'compensation_granted',
        note: 'Cargo duplicado en la factura',
        compensation_id: within.args.id
      },
      {
        action: 'compensation_requested',
        note: 'Cargo duplicado en la factura',
        compensation_id: tampered.args.id
      },
      {
        action: 'compensation_requested',
        note: 'Cargo duplicado en la factura',
        compensation_id: euros.args.id
      }
    ])
    const entries = await audit(tampered.args.id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'compensation.requested',
      details: { amount: 25, status: 'pending', clientExpected: 'granted', tier: 'standard' }
    })
    expect((await audit(within.args.id))[0]?.action).toBe('compensation.granted')
  })

  it("enforces the agent's daily cap by the server's clock, not the client's", async () => {
    const ids = [await customer(1, 'high_yield'), await customer(2, 'high_yield')]
    const complaints = [await fileComplaint(ids[0] ?? null), await fileComplaint(ids[1] ?? null)]
    const [first, second] = complaints
    if (!first || !second) throw new Error('complaints not filed')
    // 100 + 100 + 100 reaches the agent's 300 a day (each customer stays under 500).
    expect(await send('ana', grant(first, 100))).toMatchObject({ compensation: 'granted' })
    expect(await send('ana', grant(first, 100))).toMatchObject({ compensation: 'granted' })
    expect(await send('ana', grant(second, 100))).toMatchObject({ compensation: 'granted' })
    // Dated yesterday by the client, it still counts today.
    const yesterday = new Date(Date.now() - 86_400_000 * 2).toISOString()
    const over = grant(second, 1, { at: yesterday })
    expect(await send('ana', over)).toMatchObject({ compensation: 'pending' })
    expect(await stored(over.args.id)).toMatchObject({ approval_reason: 'over_agent_daily_cap' })
    // Another agent of the team still has their own allowance.
    expect(await send('bruno', grant(second, 100))).toMatchObject({ compensation: 'granted' })
  })

  it("enforces the customer's daily cap, counting what a lead approved", async () => {
    const id = await customer(3, 'high_yield')
    const complaintId = await fileComplaint(id)
    const request = grant(complaintId, 400)
    expect(await send('ana', request)).toMatchObject({ compensation: 'pending' })
    expect(await send('carla', decide(request.args.id, 'approve'))).toMatchObject({
      status: 'applied',
      compensation: 'approved'
    })
    // 400 approved + 100 = the customer's 500 for the day; a cent more goes to the lead.
    expect(await send('bruno', grant(complaintId, 100))).toMatchObject({ compensation: 'granted' })
    const over = grant(complaintId, 0.01)
    expect(await send('bruno', over)).toMatchObject({ compensation: 'pending' })
    expect(await stored(over.args.id)).toMatchObject({
      approval_reason: 'over_customer_daily_cap'
    })
  })

  it("lets only a lead of the agent's team or an admin decide, and only once", async () => {
    const complaintId = await fileComplaint(await customer(4, 'standard'))
    const request = grant(complaintId, 80, { reason: 'Técnico no se presentó dos veces' })
    expect(await send('ana', request)).toMatchObject({ compensation: 'pending' })
    const compensationId = request.args.id
    for (const user of ['diego', 'elena', 'tomas', 'bruno', 'ana']) {
      expect(await send(user, decide(compensationId, 'approve'))).toMatchObject({
        status: 'rejected',
        reason: { code: 'forbidden' }
      })
    }
    expect(await stored(compensationId)).toMatchObject({ status: 'pending' })
    // Rejecting needs a reason.
    expect(await send('carla', decide(compensationId, 'reject', ''))).toMatchObject({
      status: 'rejected',
      reason: { code: 'invalid_argument' }
    })
    const rejection = decide(compensationId, 'reject', 'Ya se compensó el mes pasado')
    expect(await send('carla', rejection)).toMatchObject({
      status: 'applied',
      compensation: 'rejected'
    })
    // Decided once: neither the same lead nor an admin can decide it again.
    for (const user of ['carla', 'admin']) {
      expect(await send(user, decide(compensationId, 'approve'))).toMatchObject({
        status: 'rejected',
        reason: { code: 'conflict' }
      })
    }
    expect(await stored(compensationId)).toMatchObject({ status: 'rejected' })
    expect((await timeline(complaintId)).map((e) => [e.action, e.note])).toEqual([
      ['compensation_requested', 'Técnico no se presentó dos veces'],
      ['compensation_rejected', 'Ya se compensó el mes pasado']
    ])
    const entries = await audit(compensationId)
    expect(entries.map((e) => e.action)).toEqual([
      'compensation.requested',
      'compensation.rejected'
    ])
    expect(entries[1]?.details).toMatchObject({ reason: 'Ya se compensó el mes pasado' })
    // An admin decides any team's request.
    const another = grant(complaintId, 90)
    expect(await send('ana', another)).toMatchObject({ compensation: 'pending' })
    expect(await send('admin', decide(another.args.id, 'approve', ''))).toMatchObject({
      compensation: 'approved'
    })
  })

  it("refuses grants on another team's complaint, without a customer, and from trainers", async () => {
    const complaintId = await fileComplaint(await customer(5, 'standard'))
    for (const user of ['diego', 'tomas']) {
      expect(await send(user, grant(complaintId, 5))).toMatchObject({
        status: 'rejected',
        reason: { code: 'forbidden' }
      })
    }
    const anonymous = await fileComplaint(null)
    expect(await send('ana', grant(anonymous, 5))).toMatchObject({
      status: 'rejected',
      reason: { code: 'invalid_argument' }
    })
  })

  it('applies a grant and a decision exactly once when pushed again', async () => {
    const complaintId = await fileComplaint(await customer(6, 'standard'))
    const clientId = randomUUID()
    const request = grant(complaintId, 50)
    const first = await push(app, token('ana'), [request], clientId)
    expect(await push(app, token('ana'), [request], clientId)).toEqual(first)
    // The same grant under a new mutation id (a retry after a lost answer) is the same grant.
    const retried = await push(app, token('ana'), [{ ...request, id: randomUUID() }], clientId)
    expect(retried.results[0]).toMatchObject({ status: 'applied', compensation: 'pending' })
    const decision = decide(request.args.id, 'approve')
    expect(await send('carla', decision)).toMatchObject({ compensation: 'approved' })
    expect(await send('carla', { ...decision, id: randomUUID() })).toMatchObject({
      status: 'applied',
      compensation: 'approved'
    })
    const counted = await database.db.query<{ n: number }>(
      `SELECT (SELECT count(*)::int FROM compensations WHERE complaint_id = $1)
            + (SELECT count(*)::int FROM complaint_events WHERE complaint_id = $1) AS n`,
      [complaintId]
    )
    expect(counted[0]?.n).toBe(3)
  })

  it("takes the request and its timeline to the team's clients only", async () => {
    const complaintId = await fileComplaint(await customer(7, 'standard'))
    const cursors: Record<string, number> = {}
    for (const user of ['carla', 'diego', 'elena']) {
      cursors[user] = (await pullAll(app, token(user))).cursor
    }
    const request = grant(complaintId, 60)
    await send('ana', request)
    const { changes } = await pullAll(app, token('carla'), cursors['carla'])
    const pulled = changes
      .filter((c) => c.entity === 'compensation')
      .map((c) => compensationSchema.parse(c.data))
    expect(pulled).toEqual([
      expect.objectContaining({
        id: request.args.id,
        status: 'pending',
        amount: 60,
        tier: 'standard',
        approvalReason: 'over_single_limit'
      })
    ])
    const events = changes
      .filter((c) => c.entity === 'complaint_event')
      .map((c) => complaintEventSchema.parse(c.data))
    expect(events.map((e) => e.action)).toEqual(['compensation_requested'])
    for (const user of ['diego', 'elena']) {
      const other = await pullAll(app, token(user), cursors[user])
      expect(other.changes.filter((c) => c.entity === 'compensation')).toEqual([])
    }
  })
})
