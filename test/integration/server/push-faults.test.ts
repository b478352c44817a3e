/**
 * One mutation's failure stays that mutation's (issue 14): a mutation whose apply throws is
 * answered with a stored `internal` rejection while the rest of its push, and the other clients
 * of its group commit, are applied as before; a database that is down is a 503 and stores
 * nothing. No real input should make an apply throw, so a test-only hook does.
 */
import { randomUUID } from 'node:crypto'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { AccessClaims } from '@server/auth/access-tokens'
import type { ZodApp } from '@server/http/route-context'
import type { RawMutation } from '@server/sync/apply-mutation'
import { pushEachAlone } from '@server/sync/push'
import type { PendingPush } from '@server/sync/push-batch'
import { MAX_RUNS } from '@server/sync/push-group'
import { PushBatcher } from '@server/sync/push-batcher'
import type { ApplyPath, PushFaultHooks } from '@server/sync/push-faults'
import { PROTOCOL_VERSION, type PushResponse } from '@shared/sync/protocol'
import {
  buildTestApp,
  complaintMutation,
  interactionMutation,
  login,
  push,
  syncHeaders
} from '../../support/server-app'
import { createTestDatabase } from '../../support/server-db'
import { describeOnEngines } from '@support/engine-suite'

type Hook = (mutation: RawMutation, path: ApplyPath) => void | Promise<void>

interface Mutation {
  id: string
  name: string
  args: Record<string, unknown>
}

const noop: Hook = () => undefined

/** What a handler's bug looks like: a plain error, nothing of the infrastructure. */
function handlerBug(): Error {
  return new TypeError("Cannot read properties of undefined (reading 'teamId')")
}

/** What node-postgres throws when an administrator stops the server mid-transaction. */
function shutdown(): Error {
  return Object.assign(new Error('terminating connection due to administrator command'), {
    code: '57P01',
    severity: 'FATAL'
  })
}

function note(complaintId: string): Mutation {
  return {
    id: randomUUID(),
    name: 'complaint.note',
    args: {
      id: randomUUID(),
      complaintId,
      note: 'Llamar por la tarde',
      at: new Date().toISOString()
    }
  }
}

const internalRejection = (id: string) => ({
  id,
  status: 'rejected',
  reason: { code: 'internal', message: expect.stringMatching(/could not apply/) as unknown }
})

describeOnEngines('push faults on %s', { customers: 5, app: false }, ({ engine, database }) => {
  let app: ZodApp
  let token: string
  let hook: Hook = noop
  const calls: { id: string; path: ApplyPath }[] = []
  const hooks: PushFaultHooks = {
    beforeApply: (mutation, path) => {
      calls.push({ id: mutation.id, path })
      return hook(mutation, path)
    }
  }

  beforeAll(async () => {
    app = await buildTestApp(database.db, { faults: hooks })
    token = (await login(app, 'ana')).accessToken
  })
  afterAll(async () => {
    await app.close()
  })
  beforeEach(() => {
    hook = noop
    calls.length = 0
  })

  /** Makes the apply of `ids` throw `error()`, on the paths given. */
  const failing = (ids: string[], error: () => Error, paths: ApplyPath[] = ['batch', 'alone']) => {
    hook = (mutation, path) => {
      if (ids.includes(mutation.id) && paths.includes(path)) throw error()
    }
  }
  const count = async (sql: string, params: string[]): Promise<number> => {
    const rows = await database.db.query<{ n: number }>(`SELECT count(*)::int AS n ${sql}`, params)
    return rows[0]?.n ?? 0
  }
  const complaints = (ids: unknown[]) =>
    count('FROM complaints WHERE id = ANY($1::uuid[])', [`{${ids.map(String).join(',')}}`])
  const stored = (clientId: string) =>
    count('FROM applied_mutations WHERE client_id = $1', [clientId])
  const rawPush = (mutations: unknown[], clientId: string) =>
    app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: syncHeaders(token),
      payload: { protocolVersion: PROTOCOL_VERSION, clientId, mutations }
    })

  it('rejects only the complaint that fails in the middle of three, and answers a re-send alike', async () => {
    const clientId = randomUUID()
    const three = [complaintMutation(), complaintMutation(), complaintMutation()] as Mutation[]
    const [first, middle, third] = three
    if (!first || !middle || !third) throw new Error('three complaints')
    failing([middle.id], handlerBug)
    const answer = await push(app, token, three, clientId)
    expect(answer.results).toEqual([
      { id: first.id, status: 'applied' },
      internalRejection(middle.id),
      { id: third.id, status: 'applied' }
    ])
    expect(JSON.stringify(answer)).not.toMatch(/teamId|TypeError|at /)
    expect(await complaints([first.args['id'], third.args['id']])).toBe(2)
    expect(await complaints([middle.args['id']])).toBe(0)
    expect(await stored(clientId)).toBe(3)
    // Their segment failed as a whole, then one by one in the group; then the middle one left
    // the group with the rest of its push, so that the push is still applied in order.
    expect(calls.filter((c) => c.path === 'alone').map((c) => c.id)).toEqual([middle.id, third.id])

    hook = noop
    const again = await push(app, token, three, clientId)
    expect(again.results).toEqual(answer.results)
    expect(await complaints([middle.args['id']])).toBe(0)
  })

  it('applies the rest of a push after a failed mutation in order: a step on the complaint filed before', async () => {
    const clientId = randomUUID()
    const filed = complaintMutation() as Mutation
    const complaintId = String(filed.args['id'])
    const broken = note(complaintId)
    const after = note(complaintId)
    const call = interactionMutation() as Mutation
    failing([broken.id], handlerBug)
    const answer = await push(app, token, [filed, broken, after, call], clientId)
    expect(answer.results).toEqual([
      { id: filed.id, status: 'applied' },
      internalRejection(broken.id),
      { id: after.id, status: 'applied' },
      { id: call.id, status: 'applied' }
    ])
    expect(await count('FROM complaint_events WHERE complaint_id = $1', [complaintId])).toBe(1)
    expect(calls.filter((c) => c.path === 'alone').map((c) => c.id)).toEqual([
      broken.id,
      after.id,
      call.id
    ])
  })

  it('answers a database fault with 503 and stores nothing; a later push applies everything', async () => {
    const clientId = randomUUID()
    const two = [complaintMutation(), interactionMutation()] as Mutation[]
    failing([two[1]?.id ?? ''], shutdown)
    const refused = await rawPush(two, clientId)
    expect(refused.statusCode).toBe(503)
    expect(refused.headers['retry-after']).toBeDefined()
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('unavailable')
    expect(await stored(clientId)).toBe(0)
    expect(await complaints([two[0]?.args['id']])).toBe(0)

    hook = noop
    const answer = await push(app, token, two, clientId)
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied'])
  })

  it('never stores a database fault met on the one-by-one path as the result', async () => {
    const clientId = randomUUID()
    const call = interactionMutation() as Mutation
    hook = (mutation, path) => {
      if (mutation.id !== call.id) return
      throw path === 'batch' ? handlerBug() : shutdown()
    }
    const refused = await rawPush([call], clientId)
    expect(refused.statusCode).toBe(503)
    expect(await stored(clientId)).toBe(0)

    hook = noop
    expect((await push(app, token, [call], clientId)).results).toEqual([
      { id: call.id, status: 'applied' }
    ])
  })

  it('runs a group again after a serialization failure and applies it, rejecting nothing', async () => {
    const call = interactionMutation() as Mutation
    let failures = 0
    hook = (mutation) => {
      if (mutation.id === call.id && failures++ === 0) {
        throw Object.assign(new Error('could not serialize access'), { code: '40001' })
      }
    }
    const answer = await push(app, token, [complaintMutation(), call])
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect(calls.some((c) => c.path === 'alone')).toBe(false)
  })

  describe('in one group commit with other clients', () => {
    const users: Record<string, AccessClaims> = {}
    beforeAll(async () => {
      const rows = await database.db.query<{
        username: string
        id: string
        role: AccessClaims['role']
        team_id: string | null
      }>('SELECT username, id, role, team_id FROM users')
      for (const r of rows) users[r.username] = { userId: r.id, role: r.role, teamId: r.team_id }
    })
    const claimsOf = (user: string): AccessClaims => {
      const claims = users[user]
      if (!claims) throw new Error(`no demo user ${user}`)
      return claims
    }
    const request = (mutations: Mutation[]): PendingPush['request'] => ({
      protocolVersion: PROTOCOL_VERSION,
      clientId: randomUUID(),
      mutations
    })

    /**
     * Pushes `pushes` so that they are committed in one group: a first push holds the batcher's
     * transaction open until they are all queued behind it.
     */
    async function groupOf(pushes: { user: string; mutations: Mutation[] }[]) {
      const alone: PendingPush[] = []
      const batcher = new PushBatcher(database.db, {
        alone: (p) => {
          alone.push(p)
          return pushEachAlone(database.db, p.claims, p.request)
        },
        hooks
      })
      let release = noop as () => void
      const held = new Promise<void>((resolve) => {
        release = resolve
      })
      const blocker = interactionMutation() as Mutation
      const inner = hook
      hook = async (mutation, path) => {
        if (mutation.id === blocker.id) await held
        await inner(mutation, path)
      }
      const first = batcher.push(claimsOf('bruno'), request([blocker]))
      const answers = pushes.map((p) => batcher.push(claimsOf(p.user), request(p.mutations)))
      release()
      await first
      return { answers: await Promise.all(answers), alone }
    }

    it("keeps the other clients' complaints in the group when one fails in their shared segment", async () => {
      const anas = [complaintMutation(), complaintMutation()] as Mutation[]
      const diegos = [complaintMutation(), complaintMutation()] as Mutation[]
      const brunos = [complaintMutation(), interactionMutation()] as Mutation[]
      const culprit = anas[1]?.id ?? ''
      failing([culprit], handlerBug)
      const { answers, alone } = await groupOf([
        { user: 'ana', mutations: anas },
        { user: 'diego', mutations: diegos },
        { user: 'bruno', mutations: brunos }
      ])
      const statuses = (answer: PushResponse | undefined) => answer?.results.map((r) => r.status)
      expect(statuses(answers[0])).toEqual(['applied', 'rejected'])
      expect(answers[0]?.results[1]).toEqual(internalRejection(culprit))
      expect(statuses(answers[1])).toEqual(['applied', 'applied'])
      expect(statuses(answers[2])).toEqual(['applied', 'applied'])
      // Only the failing mutation went one mutation per transaction.
      expect(alone.map((p) => p.request.mutations.map((m) => m.id))).toEqual([[culprit]])
      const others = [...diegos, ...brunos].map((m) => m.id)
      expect(calls.filter((c) => others.includes(c.id)).every((c) => c.path === 'batch')).toBe(true)
      expect(await complaints([...anas, ...diegos].map((m) => m.args['id']))).toBe(3)
    })

    it('keeps a good client off the one-by-one path however many others fail, in bounded runs', async () => {
      const faulty = Array.from({ length: MAX_RUNS + 1 }, () => [
        interactionMutation() as Mutation,
        interactionMutation() as Mutation
      ])
      const diegos = [interactionMutation(), complaintMutation()] as Mutation[]
      failing(
        faulty.map(([bad]) => bad?.id ?? ''),
        handlerBug
      )
      const { answers, alone } = await groupOf([
        ...faulty.map((mutations) => ({ user: 'ana', mutations })),
        { user: 'diego', mutations: diegos }
      ])
      expect(answers.at(-1)?.results.map((r) => r.status)).toEqual(['applied', 'applied'])
      for (const answer of answers.slice(0, -1)) {
        expect(answer.results.map((r) => r.status)).toEqual(['rejected', 'applied'])
      }
      // Each failing push left the group from its failure on, with the rest of it behind it.
      expect(alone.map((p) => p.request.mutations.length)).toEqual(faulty.map(() => 2))
      // Past its runs the group was committed push by push: diego's push still as a batch.
      const diegoRuns = calls.filter((c) => c.id === diegos[0]?.id)
      expect(diegoRuns.length).toBeGreaterThan(0)
      expect(diegoRuns.every((c) => c.path === 'batch')).toBe(true)
    })
  })

  it('answers 503 on every route once the database is gone, never 500', async () => {
    const other = await createTestDatabase(engine, { customers: 1 })
    const lost = await buildTestApp(other.db)
    const session = await login(lost, 'ana')
    await other.db.close()
    const loginAgain = await lost.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ana', password: 'atiende' }
    })
    expect(loginAgain.statusCode).toBe(503)
    const pushed = await lost.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: syncHeaders(session.accessToken),
      payload: {
        protocolVersion: PROTOCOL_VERSION,
        clientId: randomUUID(),
        mutations: [complaintMutation()]
      }
    })
    expect(pushed.statusCode).toBe(503)
    const pulled = await lost.inject({
      method: 'GET',
      url: '/api/sync/pull?cursor=0',
      headers: syncHeaders(session.accessToken)
    })
    expect(pulled.statusCode).toBe(503)
    await lost.close().catch(() => undefined)
    await other.dispose().catch(() => undefined)
  })
})
