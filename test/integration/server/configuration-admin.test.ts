/**
 * Configuration editing by admins: each change lands in the tables, the audit log and the change
 * log (agents pull it), bad input gets a clear 4xx, and a retired entry is no longer offered but
 * stays valid for records that name it. Who may call each route is in route-roles.test.ts.
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { defaultCompensationLimits } from '@server/seed/default-configuration'
import type { CompensationLimits } from '@shared/domain/configuration'
import type { Change } from '@shared/sync/protocol'
import {
  complaintArgs,
  complaintMutation,
  interactionMutation,
  login,
  pullAll,
  push
} from '../../support/server-app'
import { describeOnEngines } from '@support/engine-suite'

const BASE = '/api/admin/configuration'
const label = (es: string, en: string) => ({ es, en })

/** Limits in a fixed order: the table has none, and order means nothing in it. */
function ordered(limits: CompensationLimits): CompensationLimits {
  const key = (l: { role: string; tier?: string }) => `${l.role}/${l.tier ?? ''}`
  return {
    ...limits,
    perGrant: [...limits.perGrant].sort((a, b) => key(a).localeCompare(key(b))),
    dailyCapPerAgent: [...limits.dailyCapPerAgent].sort((a, b) => key(a).localeCompare(key(b)))
  }
}

interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

describeOnEngines('configuration editing on %s', { customers: 4 }, ({ database, app }) => {
  let adminToken = ''
  let anaToken = ''
  let anaId = ''

  beforeAll(async () => {
    adminToken = (await login(app, 'admin')).accessToken
    const ana = await login(app, 'ana')
    anaToken = ana.accessToken
    anaId = ana.user.id
  })

  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${adminToken}` },
      ...(payload === undefined ? {} : { payload: payload as object })
    })

  /** What the agent pulls after `cursor`, of one configuration entity. */
  const pulled = async (entity: Change['entity'], cursor: number): Promise<unknown[]> => {
    const { changes } = await pullAll(app, anaToken, cursor)
    return changes.filter((c) => c.entity === entity).map((c) => c.data)
  }
  const head = async () => (await pullAll(app, anaToken, 0)).cursor
  const audit = (target: string) =>
    database.db.query<{ action: string; actor_id: string; details: Record<string, unknown> }>(
      'SELECT action, actor_id::text, details FROM audit_log WHERE target = $1 ORDER BY id',
      [target]
    )

  it('adds a disposition code: stored, audited and pulled by an agent; a second time is 409', async () => {
    const cursor = await head()
    const body = { code: 'promise_to_pay', label: label('Promesa de pago', 'Promise to pay') }
    const response = await send('POST', `${BASE}/disposition-codes`, body)
    expect(response.statusCode).toBe(201)
    const created = {
      code: 'promise_to_pay',
      label: body.label,
      needsCallback: false,
      active: true,
      // After the last seeded code (80).
      sortOrder: 90
    }
    expect(response.json()).toEqual(created)
    expect(await pulled('disposition_code', cursor)).toEqual([created])
    const [row] = await audit('disposition_code:promise_to_pay')
    expect(row).toMatchObject({
      action: 'configuration.created',
      details: { before: null, after: created }
    })
    expect(row?.actor_id).toBe((await login(app, 'admin')).user.id)

    const again = await send('POST', `${BASE}/disposition-codes`, body)
    expect(again.statusCode).toBe(409)
    expect(again.json<ErrorBody>().error.code).toBe('conflict')
  })

  it('updates a code and pulls the new version in place of the old', async () => {
    const cursor = await head()
    const response = await send('PATCH', `${BASE}/disposition-codes/sale`, {
      label: label('  Venta cerrada ', 'Sale closed'),
      needsCallback: true
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      code: 'sale',
      label: { es: 'Venta cerrada', en: 'Sale closed' },
      needsCallback: true,
      active: true,
      sortOrder: 30
    })
    expect(await pulled('disposition_code', cursor)).toEqual([response.json()])
    expect(await audit('disposition_code:sale')).toMatchObject([
      {
        action: 'configuration.updated',
        details: {
          before: { label: { es: 'Venta realizada' }, needsCallback: false },
          after: { label: { es: 'Venta cerrada' }, needsCallback: true }
        }
      }
    ])
  })

  it('retires a code rather than deleting it: still valid for a call wrapped up with it', async () => {
    const cursor = await head()
    const retired = await send('POST', `${BASE}/disposition-codes/transferred/retire`)
    expect(retired.statusCode).toBe(200)
    expect(retired.json()).toMatchObject({ code: 'transferred', active: false })
    expect(await pulled('disposition_code', cursor)).toMatchObject([
      { code: 'transferred', active: false }
    ])
    // A second retirement changes nothing: no new audit row, nothing new to pull.
    const afterRetire = await head()
    expect((await send('POST', `${BASE}/disposition-codes/transferred/retire`)).statusCode).toBe(
      200
    )
    expect(await head()).toBe(afterRetire)
    expect(await audit('disposition_code:transferred')).toHaveLength(1)

    // A call wrapped up offline with the code before the retirement reached the agent.
    const callId = `call-${randomUUID()}`
    const call = interactionMutation({ callId })
    const wrapUp = {
      id: randomUUID(),
      name: 'disposition.record',
      args: {
        id: randomUUID(),
        callId,
        interactionId: call.args.id,
        practice: false,
        code: 'transferred',
        note: '',
        customerId: null,
        recordedAt: '2026-11-24T10:03:00.000Z'
      }
    }
    const { results } = await push(app, anaToken, [call, wrapUp])
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied'])

    const restored = await send('POST', `${BASE}/disposition-codes/transferred/restore`)
    expect(restored.json()).toMatchObject({ code: 'transferred', active: true })
    expect((await audit('disposition_code:transferred')).map((r) => r.action)).toEqual([
      'configuration.retired',
      'configuration.restored'
    ])
    expect((await send('POST', `${BASE}/disposition-codes/no_such_code/retire`)).statusCode).toBe(
      404
    )
  })

  it('edits pause reasons, and never retires the phone watchdog’s', async () => {
    const cursor = await head()
    const created = await send('POST', `${BASE}/pause-reasons`, {
      code: 'coaching',
      label: label('Coaching', 'Coaching'),
      paid: true,
      maxMinutes: 30
    })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ code: 'coaching', selectable: true, sortOrder: 80 })
    const updated = await send('PATCH', `${BASE}/pause-reasons/coaching`, { maxMinutes: null })
    expect(updated.json()).toMatchObject({ code: 'coaching', maxMinutes: null, paid: true })
    expect(await pulled('pause_reason', cursor)).toMatchObject([
      { code: 'coaching', maxMinutes: 30 },
      { code: 'coaching', maxMinutes: null }
    ])

    const watchdog = await send('POST', `${BASE}/pause-reasons/phone_problem/retire`)
    expect(watchdog.statusCode).toBe(409)
    expect(watchdog.json<ErrorBody>().error.message).toContain('phone watchdog')

    // A pause taken offline with a reason retired since is still recorded.
    expect((await send('POST', `${BASE}/pause-reasons/lunch/retire`)).statusCode).toBe(200)
    const state = {
      id: randomUUID(),
      name: 'agent_state.record',
      args: {
        id: randomUUID(),
        state: 'not_ready',
        pauseReason: 'lunch',
        since: new Date().toISOString()
      }
    }
    expect((await push(app, anaToken, [state])).results[0]?.status).toBe('applied')
    const rows = await database.db.query<{ agent_id: string }>(
      'SELECT agent_id::text FROM agent_states WHERE id = $1',
      [state.args.id]
    )
    expect(rows).toEqual([{ agent_id: anaId }])
  })

  it('edits complaint categories and their subcategories, each published with its category', async () => {
    const cursor = await head()
    const category = await send('POST', `${BASE}/complaint-categories`, {
      code: 'warranty',
      label: label('Garantía', 'Warranty')
    })
    expect(category.statusCode).toBe(201)
    expect(category.json()).toEqual({
      code: 'warranty',
      label: { es: 'Garantía', en: 'Warranty' },
      subcategories: [],
      active: true,
      sortOrder: 70
    })
    const sub = await send('POST', `${BASE}/complaint-categories/warranty/subcategories`, {
      code: 'warranty_expired',
      label: label('Garantía vencida', 'Warranty expired')
    })
    expect(sub.statusCode).toBe(201)
    // Codes are unique across categories and subcategories: "late" is one of Delivery's.
    const taken = await send('POST', `${BASE}/complaint-categories/warranty/subcategories`, {
      code: 'late',
      label: label('Tarde', 'Late')
    })
    expect(taken.statusCode).toBe(409)
    const orphan = await send('POST', `${BASE}/complaint-categories/nowhere/subcategories`, {
      code: 'lost',
      label: label('Perdido', 'Lost')
    })
    expect(orphan.statusCode).toBe(404)
    const retired = await send(
      'POST',
      `${BASE}/complaint-categories/warranty/subcategories/warranty_expired/retire`
    )
    expect(retired.json()).toMatchObject({
      code: 'warranty',
      subcategories: [{ code: 'warranty_expired', active: false }]
    })
    expect(await pulled('complaint_category', cursor)).toMatchObject([
      { code: 'warranty', subcategories: [] },
      { code: 'warranty', subcategories: [{ code: 'warranty_expired', active: true }] },
      { code: 'warranty', subcategories: [{ code: 'warranty_expired', active: false }] }
    ])

    // A complaint filed offline under the retired reason still reaches the server.
    const args = complaintArgs({ category: 'warranty', subcategory: 'warranty_expired' })
    const { results } = await push(app, anaToken, [complaintMutation(args)])
    expect(results[0]?.status).toBe('applied')
    // An unknown one is refused with its reason, as before.
    const unknown = complaintArgs({ category: 'warranty', subcategory: 'never_configured' })
    expect((await push(app, anaToken, [complaintMutation(unknown)])).results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'invalid_argument' }
    })
    expect(
      (await audit('complaint_category:warranty/warranty_expired')).map((r) => r.action)
    ).toEqual(['configuration.created', 'configuration.retired'])
  })

  it('replaces the compensation limits, which the server decides the next grant by', async () => {
    const [customer] = await database.db.query<{ id: string }>(
      "UPDATE customers SET tier = 'standard' WHERE id = (SELECT min(id::text)::uuid FROM customers) RETURNING id::text"
    )
    const args = complaintArgs({ customerId: customer?.id ?? null })
    expect((await push(app, anaToken, [complaintMutation(args)])).results[0]?.status).toBe(
      'applied'
    )
    const grant = (amount: number) => ({
      id: randomUUID(),
      name: 'compensation.grant',
      args: {
        id: randomUUID(),
        complaintId: args.id,
        type: 'credit',
        amount,
        currency: 'USD',
        reason: 'Cargo duplicado',
        expected: 'granted',
        at: new Date().toISOString()
      }
    })
    // Default: an agent may grant 20 to a standard customer.
    expect((await push(app, anaToken, [grant(15)])).results[0]).toMatchObject({
      compensation: 'granted'
    })

    const cursor = await head()
    const stricter = {
      ...defaultCompensationLimits,
      perGrant: defaultCompensationLimits.perGrant.map((l) =>
        l.role === 'agent' && l.tier === 'standard' ? { ...l, maxAmount: 10 } : l
      )
    }
    const response = await send('PUT', `${BASE}/compensation-limits`, stricter)
    expect(response.statusCode).toBe(200)
    expect(ordered(response.json<CompensationLimits>())).toEqual(ordered(stricter))
    const published = await pulled('compensation_limits', cursor)
    expect(published.map((l) => ordered(l as CompensationLimits))).toEqual([ordered(stricter)])
    expect((await push(app, anaToken, [grant(15)])).results[0]).toMatchObject({
      compensation: 'pending'
    })
    const configured = (await send('GET', BASE)).json<{ compensationLimits: CompensationLimits }>()
    expect(ordered(configured.compensationLimits)).toEqual(ordered(stricter))
    const audited = await audit('compensation_limits')
    expect(audited.map((r) => r.action)).toEqual(['configuration.updated'])
    const details = audited[0]?.details as { before: CompensationLimits; after: CompensationLimits }
    expect(ordered(details.before)).toEqual(ordered(defaultCompensationLimits))
    expect(ordered(details.after)).toEqual(ordered(stricter))
    expect(
      (await send('PUT', `${BASE}/compensation-limits`, defaultCompensationLimits)).statusCode
    ).toBe(200)
  })

  it('answers bad input with a clear 4xx, never a 5xx, and changes nothing', async () => {
    const before = await head()
    const cases: [string, 'POST' | 'PATCH' | 'PUT', string, unknown, number, RegExp][] = [
      [
        'a code with capitals',
        'POST',
        '/disposition-codes',
        { code: 'Bad Code', label: label('a', 'b') },
        400,
        /code/
      ],
      [
        'a label without English',
        'POST',
        '/disposition-codes',
        { code: 'half', label: { es: 'Medio' } },
        400,
        /label/
      ],
      [
        'a blank label',
        'POST',
        '/pause-reasons',
        { code: 'blank', label: label('  ', 'x') },
        400,
        /empty/
      ],
      [
        'a field the API does not know',
        'POST',
        '/disposition-codes',
        { code: 'extra', label: label('a', 'b'), colour: 'red' },
        400,
        /colour/
      ],
      ['an empty update', 'PATCH', '/disposition-codes/resolved', {}, 400, /at least one field/],
      [
        'a zero-minute pause limit',
        'PATCH',
        '/pause-reasons/break',
        { maxMinutes: 0 },
        400,
        /maxMinutes/
      ],
      [
        'a wrongly typed flag',
        'PATCH',
        '/disposition-codes/resolved',
        { needsCallback: 'yes' },
        400,
        /needsCallback/
      ],
      [
        'an unknown code',
        'PATCH',
        '/disposition-codes/nothing_here',
        { sortOrder: 1 },
        404,
        /nothing_here/
      ],
      [
        'an unknown subcategory',
        'PATCH',
        '/complaint-categories/billing/subcategories/late',
        { sortOrder: 1 },
        404,
        /late/
      ],
      [
        'a limit listed twice',
        'PUT',
        '/compensation-limits',
        {
          ...defaultCompensationLimits,
          perGrant: [
            { role: 'agent', tier: 'standard', maxAmount: 1 },
            { role: 'agent', tier: 'standard', maxAmount: 2 }
          ]
        },
        400,
        /listed twice/
      ],
      [
        'a negative cap',
        'PUT',
        '/compensation-limits',
        { ...defaultCompensationLimits, dailyCapPerCustomer: -1 },
        400,
        /dailyCapPerCustomer/
      ],
      [
        'a lower-case currency',
        'PUT',
        '/compensation-limits',
        { ...defaultCompensationLimits, currency: 'usd' },
        400,
        /currency/
      ]
    ]
    for (const [what, method, path, payload, status, says] of cases) {
      const response = await send(method, `${BASE}${path}`, payload)
      expect(response.statusCode, what).toBe(status)
      expect(JSON.stringify(response.json<ErrorBody>().error), what).toMatch(says)
    }
    const notJson = await app.inject({
      method: 'POST',
      url: `${BASE}/disposition-codes`,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      payload: '{"code": '
    })
    expect(notJson.statusCode).toBe(400)
    expect(await head()).toBe(before)
  })
})
