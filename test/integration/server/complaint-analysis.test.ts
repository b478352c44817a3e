import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { complaintAnalysisReportSchema } from '@shared/domain/complaint-analysis'
import { describeOnEngines } from '@support/engine-suite'
import { complaintArgs, complaintMutation, login, push } from '../../support/server-app'

/**
 * The analysis over a seeded week of complaints filed through the API (March 2020, so every
 * figure is known): five of team Norte, one of Sur, one of Norte before the period.
 */
describeOnEngines('complaint analysis on %s', { customers: 3 }, ({ database, app }) => {
  const tokens: Record<string, string> = {}
  const teams: Record<string, string> = {}
  const customers: string[] = []

  const token = (user: string): string => tokens[user] ?? ''
  const customer = (i: number): string => customers[i] ?? ''
  const send = async (user: string, mutations: unknown[]) => {
    const { results } = await push(app, token(user), mutations)
    for (const r of results) expect(r.status).toBe('applied')
    return results
  }
  const file = async (user: string, fields: Record<string, unknown>): Promise<string> => {
    const args = complaintArgs(fields)
    await send(user, [complaintMutation(args)])
    return args.id
  }
  const step = (complaintId: string, action: string, at: string) => ({
    id: randomUUID(),
    name: 'complaint.transition',
    args: { id: randomUUID(), complaintId, action, note: null, at }
  })
  const grant = (complaintId: string, type: string, amount: number) => ({
    id: randomUUID(),
    name: 'compensation.grant',
    args: {
      id: randomUUID(),
      complaintId,
      type,
      amount,
      currency: 'USD',
      reason: 'Compensación por la queja',
      expected: 'granted',
      at: new Date().toISOString()
    }
  })
  const analysis = (user: string, query: string) =>
    app.inject({
      method: 'GET',
      url: `/api/complaints/analysis?${query}`,
      headers: { authorization: `Bearer ${token(user)}` }
    })
  const week = 'from=2020-03-01&to=2020-03-08'

  beforeAll(async () => {
    for (const user of ['ana', 'carla', 'diego', 'elena', 'tomas', 'admin']) {
      tokens[user] = (await login(app, user)).accessToken
    }
    for (const t of await database.db.query<{ id: string; name: string }>(
      'SELECT id, name FROM teams'
    )) {
      teams[t.name] = t.id
    }
    await database.db.query("UPDATE customers SET tier = 'standard'")
    customers.push(
      ...(
        await database.db.query<{ id: string }>('SELECT id FROM customers ORDER BY external_ref')
      ).map((r) => r.id)
    )
    // 1: met its due time (24 h), customer 0 never complained again: recovered.
    const met = await file('ana', {
      customerId: customer(0),
      category: 'billing',
      qualityDimension: 'reliability',
      severity: 'high',
      createdAt: '2020-03-01T10:00:00.000Z'
    })
    await send('ana', [grant(met, 'credit', 10)])
    await send('ana', [step(met, 'resolve', '2020-03-01T20:00:00.000Z')])
    // 2: resolved after its 48 h; customer 1 complained again two days later: not recovered.
    const missed = await file('ana', {
      customerId: customer(1),
      category: 'billing',
      qualityDimension: 'responsiveness',
      severity: 'medium',
      createdAt: '2020-03-02T10:00:00.000Z'
    })
    const request = grant(missed, 'refund', 50)
    await send('ana', [request])
    await send('carla', [
      {
        id: randomUUID(),
        name: 'compensation.decide',
        args: {
          id: randomUUID(),
          compensationId: request.args.id,
          decision: 'approve',
          reason: '',
          at: new Date().toISOString()
        }
      }
    ])
    // A request still pending is no money given.
    await send('ana', [grant(missed, 'gift', 80)])
    await send('ana', [step(missed, 'resolve', '2020-03-05T10:00:00.000Z')])
    // 3: open, no customer, no dimension, past its due time.
    await file('ana', {
      category: 'billing',
      severity: 'low',
      createdAt: '2020-03-03T09:00:00.000Z'
    })
    // 4: customer 1 again, open and breached.
    await file('ana', {
      customerId: customer(1),
      category: 'delivery',
      qualityDimension: 'reliability',
      severity: 'critical',
      createdAt: '2020-03-07T10:00:00.000Z'
    })
    // 5: resolved in time, but reopened once before the final resolution: not recovered.
    const reopened = await file('ana', {
      customerId: customer(2),
      category: 'staff_courtesy',
      qualityDimension: 'reliability',
      severity: 'medium',
      createdAt: '2020-03-04T10:00:00.000Z'
    })
    await send('ana', [
      step(reopened, 'resolve', '2020-03-04T12:00:00.000Z'),
      step(reopened, 'reopen', '2020-03-04T13:00:00.000Z'),
      step(reopened, 'resolve', '2020-03-04T14:00:00.000Z')
    ])
    // Outside the period, and another team's.
    await file('ana', { category: 'billing', createdAt: '2020-02-20T10:00:00.000Z' })
    await file('diego', { category: 'delivery', createdAt: '2020-03-02T10:00:00.000Z' })
  })

  it("counts a lead's team: Pareto by category and dimension, SLA, recovery, compensation", async () => {
    const response = await analysis('carla', week)
    expect(response.statusCode).toBe(200)
    const report = complaintAnalysisReportSchema.parse(response.json())
    expect(report).toMatchObject({ teamId: teams['Norte'], total: 5 })
    expect(report.byCategory).toEqual([
      { key: 'billing', count: 3, share: 0.6, cumulativeShare: 0.6 },
      { key: 'delivery', count: 1, share: 0.2, cumulativeShare: 0.8 },
      { key: 'staff_courtesy', count: 1, share: 0.2, cumulativeShare: 1 }
    ])
    expect(report.byQualityDimension.map((r) => [r.key, r.count])).toEqual([
      ['reliability', 3],
      ['responsiveness', 1],
      ['unspecified', 1]
    ])
    expect(report.sla).toEqual({
      resolved: 3,
      resolvedWithinDue: 2,
      compliance: 2 / 3,
      open: 2,
      openBreached: 2
    })
    expect(report.recovery).toEqual({ resolvedWithCustomer: 3, recovered: 1, rate: 1 / 3 })
    expect(report.compensation).toEqual([
      { tier: 'standard', type: 'credit', currency: 'USD', count: 1, total: 10 },
      { tier: 'standard', type: 'refund', currency: 'USD', count: 1, total: 50 }
    ])
  })

  it('gives an admin every team, or the team named', async () => {
    const all = complaintAnalysisReportSchema.parse((await analysis('admin', week)).json())
    expect(all).toMatchObject({ teamId: null, total: 6 })
    const sur = complaintAnalysisReportSchema.parse(
      (await analysis('admin', `${week}&team=${teams['Sur'] ?? ''}`)).json()
    )
    expect(sur).toMatchObject({ teamId: teams['Sur'], total: 1 })
    expect(sur.byCategory).toEqual([{ key: 'delivery', count: 1, share: 1, cumulativeShare: 1 }])
    const elena = complaintAnalysisReportSchema.parse((await analysis('elena', week)).json())
    expect(elena.total).toBe(1)
  })

  it("refuses agents, trainers and another team's lead; an empty period has no rates", async () => {
    for (const user of ['ana', 'diego', 'tomas']) {
      expect((await analysis(user, week)).statusCode).toBe(403)
    }
    expect((await analysis('carla', `${week}&team=${teams['Sur'] ?? ''}`)).statusCode).toBe(403)
    expect((await analysis('carla', `${week}&team=${teams['Norte'] ?? ''}`)).statusCode).toBe(200)
    expect((await analysis('carla', 'from=2020-03-08&to=2020-03-01')).statusCode).toBe(400)
    expect((await analysis('carla', 'from=yesterday&to=2020-03-01')).statusCode).toBe(400)
    const empty = complaintAnalysisReportSchema.parse(
      (await analysis('carla', 'from=2019-01-01&to=2019-02-01')).json()
    )
    expect(empty).toMatchObject({
      total: 0,
      byCategory: [],
      sla: { compliance: null },
      recovery: { rate: null },
      compensation: []
    })
    const anonymous = await app.inject({ method: 'GET', url: `/api/complaints/analysis?${week}` })
    expect(anonymous.statusCode).toBe(401)
  })
})
