import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { complaintSchema, type Complaint } from '@shared/domain/complaint'
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol'
import { describeOnEngines } from '@support/engine-suite'
import {
  buildTestApp,
  complaintArgs,
  complaintMutation,
  login,
  pull,
  pullAll,
  push,
  syncHeaders
} from '../../support/server-app'

const CUSTOMERS = 20

interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

describeOnEngines('sync on %s', { customers: CUSTOMERS }, ({ database, app }) => {
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    for (const user of ['ana', 'bruno', 'carla', 'diego', 'tomas', 'admin']) {
      tokens[user] = (await login(app, user)).accessToken
    }
  })

  const token = (user: string): string => tokens[user] ?? ''
  const complaintsOf = (changes: { entity: string; data: unknown }[]): Complaint[] =>
    changes.filter((c) => c.entity === 'complaint').map((c) => complaintSchema.parse(c.data))
  const countComplaints = async (id: string): Promise<number> =>
    (await database.db.query('SELECT id FROM complaints WHERE id = $1', [id])).length

  it('streams every seeded customer to a new client, José first', async () => {
    const { changes } = await pullAll(app, token('ana'), 0, 7)
    const customers = changes.filter((c) => c.entity === 'customer')
    expect(customers).toHaveLength(CUSTOMERS)
    expect(customers[0]?.data).toMatchObject({ firstName: 'José', lastName: 'Núñez Peña' })
  })

  it('applies a pushed complaint and returns its case number through pull', async () => {
    const before = await pull(app, token('ana'), 0, 1)
    const args = complaintArgs()
    const mutation = complaintMutation(args)
    const response = await push(app, token('ana'), [mutation])
    expect(response.results).toEqual([{ id: mutation.id, status: 'applied' }])
    const { changes } = await pullAll(app, token('ana'), before.cursor)
    const complaint = complaintsOf(changes).find((c) => c.id === args.id)
    expect(complaint?.caseNumber).toMatch(/^QR-\d{6}$/)
    expect(complaint).toMatchObject({ status: 'open', description: args.description })
    expect(response.cursor).toBeGreaterThanOrEqual(changes.at(-1)?.seq ?? 0)
  })

  it('takes the author and team from the token, not from the body', async () => {
    const me = await login(app, 'bruno')
    const args = complaintArgs({ agentId: randomUUID(), teamId: randomUUID() })
    await push(app, me.accessToken, [complaintMutation(args)])
    const rows = await database.db.query<{ agent_id: string; team_id: string | null }>(
      'SELECT agent_id, team_id FROM complaints WHERE id = $1',
      [args.id]
    )
    expect(rows).toEqual([{ agent_id: me.user.id, team_id: me.user.teamId }])
  })

  it('applies a mutation pushed twice exactly once and answers the same both times', async () => {
    const clientId = randomUUID()
    const mutation = complaintMutation()
    const first = await push(app, token('ana'), [mutation], clientId)
    const again = await push(app, token('ana'), [mutation], clientId)
    expect(again.results).toEqual(first.results)
    expect(await countComplaints(mutation.args.id as string)).toBe(1)
    const recorded = await database.db.query(
      'SELECT mutation_id FROM applied_mutations WHERE client_id = $1',
      [clientId]
    )
    expect(recorded).toHaveLength(1)
  })

  it('applies concurrent duplicate pushes once', async () => {
    const clientId = randomUUID()
    const mutation = complaintMutation()
    const results = await Promise.all(
      Array.from({ length: 4 }, () => push(app, token('bruno'), [mutation], clientId))
    )
    expect(results.every((r) => r.results[0]?.status === 'applied')).toBe(true)
    expect(await countComplaints(mutation.args.id as string)).toBe(1)
  })

  it('applies simultaneous pushes of many clients on two instances exactly once, each with its own results', async () => {
    const other = await buildTestApp(await database.openAnother())
    try {
      const shared = complaintMutation()
      const sharedClient = randomUUID()
      const invalid = { id: randomUUID(), name: 'complaint.create', args: { description: 'x' } }
      const sent = Array.from({ length: 40 }, (_, i) => {
        // Every fifth push re-sends one mutation from one client, through either instance.
        if (i % 5 === 0) return { user: 'ana', clientId: sharedClient, mutations: [shared] }
        const mutations: unknown[] = [complaintMutation()]
        if (i === 7) mutations.push(invalid)
        return { user: i % 2 === 0 ? 'ana' : 'diego', clientId: randomUUID(), mutations }
      })
      const answers = await Promise.all(
        sent.map((p, i) => push(i % 2 === 0 ? app : other, token(p.user), p.mutations, p.clientId))
      )
      answers.forEach((answer, i) => {
        const ids = (sent[i]?.mutations ?? []).map((m) => (m as { id: string }).id)
        expect(answer.results.map((r) => r.id)).toEqual(ids)
      })
      const statuses = answers.flatMap((a) => a.results.map((r) => r.status))
      expect(statuses.filter((s) => s === 'rejected')).toHaveLength(1)
      expect(answers[7]?.results[1]).toMatchObject({
        status: 'rejected',
        reason: { code: 'invalid_argument' }
      })
      expect(await countComplaints(shared.args.id as string)).toBe(1)
      for (const p of sent) {
        for (const m of p.mutations as { args: { id?: unknown } }[]) {
          if (typeof m.args.id === 'string') expect(await countComplaints(m.args.id)).toBe(1)
        }
      }
    } finally {
      await other.close()
    }
  })

  it('rejects only the invalid mutation of a batch, with its reason, and applies the rest', async () => {
    const good1 = complaintMutation()
    const bad = complaintMutation(complaintArgs({ category: 'Not a code!', description: '' }))
    const good2 = complaintMutation()
    const unknown = { id: randomUUID(), name: 'customer.delete', args: {} }
    const { results } = await push(app, token('ana'), [good1, bad, good2, unknown])
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied', 'rejected'])
    const rejection = results[1]
    expect(rejection?.status === 'rejected' && rejection.reason.code).toBe('invalid_argument')
    expect(JSON.stringify(rejection)).toContain('category')
    expect(await countComplaints(good2.args.id as string)).toBe(1)
    expect(await countComplaints(bad.args.id as string)).toBe(0)
  })

  it('records a rejection so a retry gets the same answer', async () => {
    const clientId = randomUUID()
    const bad = complaintMutation(complaintArgs({ customerId: randomUUID() }))
    const first = await push(app, token('ana'), [bad], clientId)
    expect(first.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } })
    expect((await push(app, token('ana'), [bad], clientId)).results).toEqual(first.results)
  })

  it('links a complaint to an existing customer', async () => {
    const lookup = await database.db.query<{ customer_id: string }>(
      "SELECT customer_id FROM customer_phones WHERE e164 = '+34612345678'"
    )
    const args = complaintArgs({ customerId: lookup[0]?.customer_id })
    const { results } = await push(app, token('ana'), [complaintMutation(args)])
    expect(results[0]?.status).toBe('applied')
  })

  it('rejects a complaint id owned by another user as a conflict, and teamless authors as forbidden', async () => {
    const args = complaintArgs()
    await push(app, token('ana'), [complaintMutation(args)])
    const stolen = await push(app, token('diego'), [complaintMutation(args)])
    expect(stolen.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } })
    for (const user of ['tomas', 'admin']) {
      const teamless = await push(app, token(user), [complaintMutation()])
      expect(teamless.results[0]).toMatchObject({
        status: 'rejected',
        reason: { code: 'forbidden' }
      })
    }
  })

  it('refuses a missing or different protocol header with 426 incompatible_version', async () => {
    const payload = {
      protocolVersion: PROTOCOL_VERSION,
      clientId: randomUUID(),
      mutations: [complaintMutation()]
    }
    const auth = { authorization: `Bearer ${token('ana')}` }
    const missing = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: auth,
      payload
    })
    const wrong = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { ...auth, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION + 1) }
    })
    for (const response of [missing, wrong]) {
      expect(response.statusCode).toBe(426)
      const body = response.json<ErrorBody>()
      expect(body.error.code).toBe('incompatible_version')
      expect(body.error.message).toContain(`protocol ${PROTOCOL_VERSION}`)
    }
  })

  it('refuses sync without a valid token with 401', async () => {
    const noToken = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }
    })
    const forged = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: syncHeaders('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')
    })
    expect([noToken.statusCode, forged.statusCode]).toEqual([401, 401])
  })

  it("scopes pull by team: Norte does not see Sur's complaints; admin sees both", async () => {
    const norte = complaintArgs({ description: 'Queja del equipo Norte' })
    const sur = complaintArgs({ description: 'Queja del equipo Sur' })
    await push(app, token('ana'), [complaintMutation(norte)])
    await push(app, token('diego'), [complaintMutation(sur)])
    const idsFor = async (user: string) =>
      new Set(complaintsOf((await pullAll(app, token(user))).changes).map((c) => c.id))
    const [ana, carla, diego, admin, tomas] = await Promise.all(
      ['ana', 'carla', 'diego', 'admin', 'tomas'].map(idsFor)
    )
    expect([ana?.has(norte.id), ana?.has(sur.id)]).toEqual([true, false])
    expect([carla?.has(norte.id), carla?.has(sur.id)]).toEqual([true, false])
    expect([diego?.has(norte.id), diego?.has(sur.id)]).toEqual([false, true])
    expect([admin?.has(norte.id), admin?.has(sur.id)]).toEqual([true, true])
    expect(tomas?.size).toBe(0)
  })

  it('pages with hasMore and a cursor that never repeats or skips a change', async () => {
    const all = await pullAll(app, token('admin'), 0, 5000)
    const paged = await pullAll(app, token('admin'), 0, 3)
    expect(paged.changes.map((c) => c.seq)).toEqual(all.changes.map((c) => c.seq))
    const first = await pull(app, token('admin'), 0, 3)
    expect(first.hasMore).toBe(true)
    expect(first.changes).toHaveLength(3)
    expect(first.cursor).toBe(first.changes[2]?.seq)
    const end = await pull(app, token('admin'), all.cursor, 3)
    expect(end).toEqual({ changes: [], cursor: all.cursor, hasMore: false })
  })

  it('rejects a pull limit above the maximum with 400', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/sync/pull?cursor=0&limit=999999',
      headers: syncHeaders(token('ana'))
    })
    expect(response.statusCode).toBe(400)
    expect(response.json<ErrorBody>().error.code).toBe('invalid_argument')
  })
})
