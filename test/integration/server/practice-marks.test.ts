/**
 * The practice mark on the server (issue 20, item 1): a practice complaint names its persona and
 * no customer, reaches the trainers and its trainee but never the trainee's lead, is worked by
 * the trainee and the trainers (who play the lead, approvals included), and stays out of the
 * production figures; the server refuses a practice record naming a real customer and a
 * production record naming a persona, on every record type that can name one.
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { complaintAnalysisReportSchema } from '@shared/domain/complaint-analysis'
import { seedPracticeScenarios } from '@server/practice/scenario-seed'
import { practicePurgeResultSchema } from '@shared/practice/practice-purge'
import { describeOnEngines } from '@support/engine-suite'
import { complaintArgs, complaintMutation, login, pullAll, push } from '../../support/server-app'

/** Marta Vidal, the high-yield persona of the win-back sample. */
const PERSONA = 'persona-marta-vidal'

describeOnEngines('the practice mark on %s', { customers: 2 }, ({ database, app }) => {
  const tokens: Record<string, string> = {}
  let realCustomer = ''

  beforeAll(async () => {
    await seedPracticeScenarios(database.db)
    for (const user of ['ana', 'carla', 'tomas', 'admin']) {
      tokens[user] = (await login(app, user)).accessToken
    }
    const rows = await database.db.query<{ id: string }>('SELECT id FROM customers LIMIT 1')
    realCustomer = rows[0]?.id ?? ''
  })

  const token = (user: string): string => tokens[user] ?? ''
  const send = async (user: string, mutation: unknown) =>
    (await push(app, token(user), [mutation])).results[0]
  const practiceComplaint = (overrides: Record<string, unknown> = {}) =>
    complaintArgs({ practice: true, personaId: PERSONA, callId: 'practice-1', ...overrides })
  const seen = async (user: string, entity: string, id: string): Promise<boolean> =>
    (await pullAll(app, token(user))).changes.some(
      (c) => c.entity === entity && 'data' in c && (c.data as { id?: string }).id === id
    )
  const grant = (complaintId: string, amount: number) => ({
    id: randomUUID(),
    name: 'compensation.grant',
    args: {
      id: randomUUID(),
      complaintId,
      type: 'credit',
      amount,
      currency: 'USD',
      reason: 'Cargo duplicado',
      expected: 'granted',
      at: new Date().toISOString()
    }
  })

  it('files a practice complaint for the persona, seen by the trainee and trainers only', async () => {
    const args = practiceComplaint()
    expect(await send('ana', complaintMutation(args))).toMatchObject({ status: 'applied' })
    const stored = await database.db.query<{ practice: boolean; persona_id: string | null }>(
      'SELECT practice, persona_id FROM complaints WHERE id = $1',
      [args.id]
    )
    expect(stored[0]).toEqual({ practice: true, persona_id: PERSONA })
    expect(await seen('ana', 'complaint', args.id)).toBe(true)
    expect(await seen('tomas', 'complaint', args.id)).toBe(true)
    // Ana's real lead never sees practice.
    expect(await seen('carla', 'complaint', args.id)).toBe(false)
  })

  it('lets a trainer file practice complaints (never production ones)', async () => {
    expect(await send('tomas', complaintMutation(practiceComplaint()))).toMatchObject({
      status: 'applied'
    })
    expect(await send('tomas', complaintMutation(complaintArgs()))).toMatchObject({
      status: 'rejected',
      reason: { code: 'forbidden' }
    })
  })

  it('refuses a practice complaint naming a real customer, and a production one naming a persona', async () => {
    const withCustomer = practiceComplaint({ customerId: realCustomer })
    expect(await send('ana', complaintMutation(withCustomer))).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'invalid_argument',
        message: 'A practice record names its persona, never a real customer'
      }
    })
    const productionPersona = complaintArgs({ practice: false, personaId: PERSONA })
    expect(await send('ana', complaintMutation(productionPersona))).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'invalid_argument',
        message: 'A production record cannot name a practice persona'
      }
    })
    const practiceWithoutPersona = complaintArgs({ practice: true })
    expect(await send('ana', complaintMutation(practiceWithoutPersona))).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'invalid_argument',
        message: 'A practice complaint names the persona it is about'
      }
    })
    // A persona id is not a customer id either: production complaints name customers by uuid.
    const personaAsCustomer = complaintArgs({ customerId: PERSONA })
    expect(await send('ana', complaintMutation(personaAsCustomer))).toMatchObject({
      status: 'rejected'
    })
    const count = await database.db.query<{ n: number }>(
      'SELECT COUNT(*)::int AS n FROM complaints WHERE id = ANY($1::uuid[])',
      [`{${[withCustomer.id, productionPersona.id, personaAsCustomer.id].join(',')}}`]
    )
    expect(count[0]?.n).toBe(0)
  })

  it('refuses practice dispositions, callbacks and script runs that name a real customer', async () => {
    const at = new Date().toISOString()
    const ana = (await login(app, 'ana')).user.id
    const refusals = [
      {
        name: 'disposition.record',
        args: {
          id: randomUUID(),
          callId: 'practice-2',
          interactionId: null,
          practice: true,
          code: 'resolved',
          note: '',
          customerId: realCustomer,
          recordedAt: at
        }
      },
      {
        name: 'callback.schedule',
        args: {
          id: randomUUID(),
          customerId: realCustomer,
          contactName: 'Marta Vidal',
          phoneE164: '+447700900101',
          dueAt: at,
          note: '',
          assigneeId: ana,
          practice: true,
          createdAt: at
        }
      }
    ]
    for (const mutation of refusals) {
      const result = await send('ana', { id: randomUUID(), ...mutation })
      expect(result, mutation.name).toMatchObject({ status: 'rejected' })
    }
  })

  it('lets the trainee and trainers work the practice case; the real lead may not', async () => {
    const args = practiceComplaint()
    await send('ana', complaintMutation(args))
    const step = (action: string) => ({
      id: randomUUID(),
      name: 'complaint.transition',
      args: {
        id: randomUUID(),
        complaintId: args.id,
        action,
        note: null,
        at: new Date().toISOString()
      }
    })
    expect(await send('carla', step('start'))).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'forbidden',
        message: 'A practice complaint is worked by its trainee and the trainers only'
      }
    })
    expect(await send('ana', step('start'))).toMatchObject({ status: 'applied' })
    const escalate = {
      id: randomUUID(),
      name: 'complaint.escalate',
      args: {
        id: randomUUID(),
        complaintId: args.id,
        reason: 'Necesito autorización',
        at: new Date().toISOString()
      }
    }
    expect(await send('ana', escalate)).toMatchObject({ status: 'applied' })
    // The escalation (and the case) reach the trainer, never the lead.
    expect(await seen('tomas', 'complaint_event', escalate.args.id)).toBe(true)
    expect(await seen('carla', 'complaint_event', escalate.args.id)).toBe(false)
    expect(await send('ana', step('resolve'))).toMatchObject({ status: 'applied' })
    // Closing is a lead's step: on a practice case the trainer plays the lead.
    expect(await send('tomas', step('close'))).toMatchObject({ status: 'applied' })
  })

  it("grants within the persona's tier, and a trainer decides what is above it", async () => {
    const args = practiceComplaint()
    await send('ana', complaintMutation(args))
    // Marta is high-yield: 100 per grant is within an agent's authority, 150 is not.
    const within = grant(args.id, 100)
    expect(await send('ana', within)).toMatchObject({ status: 'applied', compensation: 'granted' })
    const above = grant(args.id, 150)
    expect(await send('ana', above)).toMatchObject({ status: 'applied', compensation: 'pending' })
    const rows = await database.db.query<{
      practice: boolean
      persona_id: string
      customer_id: string | null
      tier: string
    }>('SELECT practice, persona_id, customer_id, tier FROM compensations WHERE id = $1', [
      within.args.id
    ])
    expect(rows[0]).toEqual({
      practice: true,
      persona_id: PERSONA,
      customer_id: null,
      tier: 'high_yield'
    })
    expect(await seen('tomas', 'compensation', above.args.id)).toBe(true)
    expect(await seen('carla', 'compensation', above.args.id)).toBe(false)
    const decide = (user: string) =>
      send(user, {
        id: randomUUID(),
        name: 'compensation.decide',
        args: {
          id: randomUUID(),
          compensationId: above.args.id,
          decision: 'approve',
          reason: 'Clienta de valor',
          at: new Date().toISOString()
        }
      })
    expect(await decide('carla')).toMatchObject({
      status: 'rejected',
      reason: { code: 'forbidden' }
    })
    expect(await decide('tomas')).toMatchObject({ status: 'applied', compensation: 'approved' })
  })

  it('keeps practice out of the production complaint figures', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString()
    const to = new Date(Date.now() + 86_400_000).toISOString()
    const read = async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/complaints/analysis?from=${from}&to=${to}`,
        headers: { authorization: `Bearer ${token('admin')}` }
      })
      expect(response.statusCode).toBe(200)
      return complaintAnalysisReportSchema.parse(response.json())
    }
    const before = await read()
    await send('ana', complaintMutation(practiceComplaint()))
    const after = await read()
    expect(after.total).toBe(before.total)
    expect(after.compensation).toEqual(before.compensation)
    const production = complaintArgs()
    await send('ana', complaintMutation(production))
    expect((await read()).total).toBe(before.total + 1)
  })

  it('purges every practice record for a trainer, and the tombstone reaches every desk', async () => {
    const practice = practiceComplaint()
    await send('ana', complaintMutation(practice))
    await send('ana', grant(practice.id, 10))
    const production = complaintArgs()
    await send('ana', complaintMutation(production))
    const purge = (user: string) =>
      app.inject({
        method: 'POST',
        url: '/api/practice/purge',
        headers: { authorization: `Bearer ${token(user)}` }
      })
    expect((await purge('ana')).statusCode).toBe(403)
    expect((await purge('carla')).statusCode).toBe(403)
    const response = await purge('tomas')
    expect(response.statusCode).toBe(200)
    const body = practicePurgeResultSchema.parse(response.json())
    expect(body.removed.complaints).toBeGreaterThanOrEqual(1)
    expect(body.removed.compensations).toBeGreaterThanOrEqual(1)
    const left = await database.db.query<{ n: number }>(
      `SELECT (SELECT COUNT(*) FROM complaints WHERE practice)::int
            + (SELECT COUNT(*) FROM compensations WHERE practice)::int AS n`
    )
    expect(left[0]?.n).toBe(0)
    expect(await seen('admin', 'complaint', production.id)).toBe(true)
    // No desk can pull the purged rows any more; each pulls the tombstone (a second desk too).
    for (const user of ['ana', 'tomas', 'carla']) {
      const { changes } = await pullAll(app, token(user))
      expect(
        changes.some((c) => c.entity === 'practice_purge'),
        user
      ).toBe(true)
      expect(
        changes.some((c) => c.entity === 'complaint' && c.data.id === practice.id),
        user
      ).toBe(false)
    }
    const audit = await database.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE target = $1',
      [body.purge.id]
    )
    expect(audit).toEqual([{ action: 'practice.purged' }])
  })
})
