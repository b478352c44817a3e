/**
 * `customer.create` on both engines: validation, team scoping, exactly-once application, and the
 * change log entry that syncs the contact back to the creator's team (and no other).
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { customerSchema, type Customer } from '@shared/domain/customer'
import { describeOnEngines } from '@support/engine-suite'
import { login, pullAll, push } from '../../support/server-app'

function contactArgs(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    firstName: 'Marta',
    lastName: 'Quiroga',
    phoneE164: '+34699000111',
    email: 'marta@example.com',
    preferredLanguage: 'es',
    createdAt: new Date().toISOString(),
    ...overrides
  }
}

const contactMutation = (args: Record<string, unknown> = contactArgs()) => ({
  id: randomUUID(),
  name: 'customer.create',
  args
})

describeOnEngines('customer.create on %s', { customers: 5 }, ({ database, app }) => {
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    for (const user of ['ana', 'bruno', 'diego', 'tomas', 'admin']) {
      tokens[user] = (await login(app, user)).accessToken
    }
  })

  const token = (user: string): string => tokens[user] ?? ''
  const customersIn = async (user: string): Promise<Customer[]> =>
    (await pullAll(app, token(user))).changes
      .filter((c) => c.entity === 'customer')
      .map((c) => customerSchema.parse(c.data))
  const lookup = async (user: string, phone: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/customers/lookup?phone=${encodeURIComponent(phone)}`,
      headers: { authorization: `Bearer ${token(user)}` }
    })
    return response.json<{ customers: Customer[] }>().customers
  }

  it('creates the contact and syncs it back to the creator and the team only', async () => {
    const args = contactArgs()
    const mutation = contactMutation(args)
    const response = await push(app, token('ana'), [mutation])
    expect(response.results).toEqual([{ id: mutation.id, status: 'applied' }])
    const mine = (await customersIn('bruno')).find((c) => c.id === args.id)
    expect(mine).toMatchObject({
      firstName: 'Marta',
      lastName: 'Quiroga',
      phones: [{ e164: '+34699000111', kind: 'mobile' }],
      emails: ['marta@example.com'],
      tier: 'standard',
      externalRef: `NEW-${args.id}`
    })
    expect((await customersIn('diego')).some((c) => c.id === args.id)).toBe(false)
    expect((await customersIn('tomas')).some((c) => c.id === args.id)).toBe(false)
    expect((await lookup('bruno', '+34699000111')).map((c) => c.id)).toContain(args.id)
    expect((await lookup('diego', '+34699000111')).map((c) => c.id)).not.toContain(args.id)
  })

  it('applies a contact pushed twice exactly once', async () => {
    const clientId = randomUUID()
    const args = contactArgs({ phoneE164: '+34699000222' })
    const mutation = contactMutation(args)
    const first = await push(app, token('ana'), [mutation], clientId)
    const again = await push(app, token('ana'), [mutation], clientId)
    const retried = await push(app, token('ana'), [contactMutation(args)])
    expect(again.results).toEqual(first.results)
    expect(retried.results[0]?.status).toBe('applied')
    const rows = await database.db.query('SELECT id FROM customers WHERE id = $1', [args.id])
    expect(rows).toHaveLength(1)
    const logged = await database.db.query(
      "SELECT seq FROM change_log WHERE entity = 'customer' AND entity_id = $1",
      [args.id]
    )
    expect(logged).toHaveLength(1)
  })

  it('rejects invalid contacts with the reason, and applies nothing', async () => {
    const bad = [
      contactArgs({ firstName: '   ' }),
      contactArgs({ phoneE164: '+34 699 000 111' }),
      contactArgs({ phoneE164: '+3400000' }),
      contactArgs({ email: 'not-an-email' })
    ]
    const response = await push(app, token('ana'), bad.map(contactMutation))
    expect(response.results.map((r) => r.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected'
    ])
    for (const result of response.results) {
      expect(result.status === 'rejected' && result.reason.code).toBe('invalid_argument')
    }
    const ids = bad.map((a) => a.id)
    const rows = await database.db.query('SELECT id FROM customers WHERE id::text = ANY($1)', [
      `{${ids.join(',')}}`
    ])
    expect(rows).toEqual([])
  })

  it('refuses trainers, users without a team and a foreign id', async () => {
    const trainer = await push(app, token('tomas'), [contactMutation()])
    expect(trainer.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } })
    const admin = await push(app, token('admin'), [contactMutation()])
    expect(admin.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'forbidden' } })
    const args = contactArgs({ phoneE164: null, email: null })
    await push(app, token('ana'), [contactMutation(args)])
    const stolen = await push(app, token('diego'), [contactMutation(args)])
    expect(stolen.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } })
  })
})
