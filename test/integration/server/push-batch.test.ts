/**
 * Group commit (push-batch, push-batcher): pushes applied together in one transaction, and
 * batches running side by side, must answer exactly as pushes applied one by one would: a
 * result per mutation, each mutation applied once, one push's failure nobody else's.
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import type { AccessClaims } from '@server/auth/access-tokens'
import { pushEachAlone } from '@server/sync/push'
import { applyPushBatch, type PendingPush } from '@server/sync/push-batch'
import { PushBatcher } from '@server/sync/push-batcher'
import { PROTOCOL_VERSION, type PushResponse } from '@shared/sync/protocol'
import { complaintArgs, complaintMutation, interactionMutation } from '../../support/server-app'
import { describeOnEngines } from '@support/engine-suite'

interface Mutation {
  id: string
  name: string
  args: Record<string, unknown>
}

const at = () => new Date().toISOString()

function note(complaintId: string, text: string): Mutation {
  return {
    id: randomUUID(),
    name: 'complaint.note',
    args: { id: randomUUID(), complaintId, note: text, at: at() }
  }
}

function transition(complaintId: string, action: string): Mutation {
  return {
    id: randomUUID(),
    name: 'complaint.transition',
    args: { id: randomUUID(), complaintId, action, note: null, at: at() }
  }
}

function interaction(): Mutation {
  return interactionMutation({ endedBy: 'local' })
}

function agentState(): Mutation {
  return {
    id: randomUUID(),
    name: 'agent_state.record',
    args: { id: randomUUID(), state: 'not_ready', pauseReason: 'break', since: at() }
  }
}

describeOnEngines('group commit on %s', { customers: 5, app: false }, ({ database }) => {
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
  const pending = (
    user: string,
    mutations: unknown[],
    clientId: string = randomUUID()
  ): PendingPush => ({
    claims: claimsOf(user),
    request: {
      protocolVersion: PROTOCOL_VERSION,
      clientId,
      mutations: mutations as PendingPush['request']['mutations']
    }
  })
  const count = async (table: string, column: string, value: string): Promise<number> => {
    const rows = await database.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
      [value]
    )
    return rows[0]?.n ?? 0
  }
  const complaintId = (m: Mutation): string => String(m.args['id'])

  it('applies a mutation repeated inside one group once and answers every copy with its result', async () => {
    const clientId = randomUUID()
    const repeated = complaintMutation() as Mutation
    const other = complaintMutation() as Mutation
    const { responses, logged } = await applyPushBatch(database.db, [
      pending('ana', [repeated], clientId),
      pending('ana', [other, repeated], clientId)
    ])
    const expected = { id: repeated.id, status: 'applied' }
    expect(responses[0]?.results).toEqual([expected])
    expect(responses[1]?.results).toEqual([{ id: other.id, status: 'applied' }, expected])
    expect(await count('complaints', 'id', complaintId(repeated))).toBe(1)
    expect(await count('applied_mutations', 'client_id', clientId)).toBe(2)
    expect(logged.map((c) => c.entity)).toEqual(['complaint', 'complaint'])
  })

  it('answers a mutation repeated in a later group with its first result, never a second row', async () => {
    const clientId = randomUUID()
    const applied = complaintMutation() as Mutation
    const missingCustomer = randomUUID()
    const refused = complaintMutation(complaintArgs({ customerId: missingCustomer })) as Mutation
    const first = await applyPushBatch(database.db, [
      pending('bruno', [applied, refused], clientId)
    ])
    expect(first.responses[0]?.results.map((r) => r.status)).toEqual(['applied', 'rejected'])
    // The world changes in between: the repeat still gets the first answer, not a new one.
    await database.db.query(
      `INSERT INTO customers
       SELECT (jsonb_populate_record(NULL::customers, to_jsonb(c) || jsonb_build_object(
         'id', $1::uuid, 'external_ref', 'copy-' || $1, 'document_id', NULL))).*
       FROM customers c LIMIT 1`,
      [missingCustomer]
    )
    const again = await applyPushBatch(database.db, [
      pending('ana', [complaintMutation()]),
      pending('bruno', [refused, applied], clientId)
    ])
    expect(again.responses[1]?.results).toEqual([
      first.responses[0]?.results[1],
      first.responses[0]?.results[0]
    ])
    expect(again.logged).toHaveLength(1)
    expect(await count('complaints', 'id', complaintId(applied))).toBe(1)
    expect(await count('complaints', 'id', complaintId(refused))).toBe(0)
    expect(await count('applied_mutations', 'client_id', clientId)).toBe(2)
  })

  it("keeps every mutation's own result when others in the group are refused", async () => {
    const diegos = complaintMutation() as Mutation
    await applyPushBatch(database.db, [pending('diego', [diegos])])
    const good = complaintMutation() as Mutation
    const badCategory = complaintMutation(complaintArgs({ category: 'no-such-category' }))
    const unknownName = { id: randomUUID(), name: 'customer.delete', args: {} }
    const takenId = complaintMutation(complaintArgs({ id: complaintId(diegos) }))
    const trainers = complaintMutation() as Mutation
    const good2 = complaintMutation() as Mutation
    const { responses } = await applyPushBatch(database.db, [
      pending('ana', [good, badCategory, unknownName, takenId]),
      pending('tomas', [trainers]),
      pending('bruno', [good2])
    ])
    expect(responses.map((r) => r.results.map((x) => x.status))).toEqual([
      ['applied', 'rejected', 'rejected', 'rejected'],
      ['rejected'],
      ['applied']
    ])
    const codes = responses.flatMap((r) =>
      r.results.flatMap((x) => (x.status === 'rejected' ? [x.reason.code] : []))
    )
    expect(codes).toEqual(['invalid_argument', 'invalid_argument', 'conflict', 'forbidden'])
    expect(await count('complaints', 'id', complaintId(good))).toBe(1)
    expect(await count('complaints', 'id', complaintId(good2))).toBe(1)
    expect(await count('complaints', 'id', complaintId(trainers))).toBe(0)
    expect(await count('complaints', 'agent_id', claimsOf('diego').userId)).toBe(1)
  })

  it('applies mixed record types in push order, a note and a step on a complaint filed just before', async () => {
    const filed = complaintMutation() as Mutation
    const id = complaintId(filed)
    const mixed = [filed, note(id, 'Llamar por la tarde'), transition(id, 'start'), interaction()]
    const state = agentState()
    const brunos = complaintMutation() as Mutation
    const { responses, logged } = await applyPushBatch(database.db, [
      pending('ana', [...mixed, state]),
      pending('bruno', [brunos])
    ])
    expect(responses[0]?.results.map((r) => [r.id, r.status])).toEqual(
      [...mixed, state].map((m) => [m.id, 'applied'])
    )
    expect(responses[1]?.results).toEqual([{ id: brunos.id, status: 'applied' }])
    const status = await database.db.query<{ status: string }>(
      'SELECT status FROM complaints WHERE id = $1',
      [id]
    )
    expect(status[0]?.status).toBe('in_progress')
    expect(await count('complaint_events', 'complaint_id', id)).toBe(2)
    expect(await count('interactions', 'id', String(mixed[3]?.args['id']))).toBe(1)
    expect(await count('agent_states', 'id', String(state.args['id']))).toBe(1)
    // One change-log append for the group, consecutive and in order.
    const seqs = logged.map((c) => c.seq)
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i))
    expect(responses[0]?.cursor).toBe(seqs.at(-1))
    expect(new Set(logged.map((c) => c.entity))).toEqual(
      new Set(['complaint', 'complaint_event', 'interaction', 'agent_state'])
    )
  })

  it('splits a group that fails in none of its mutations: only the broken push goes one by one', async () => {
    const alone: PendingPush[] = []
    const batcher = new PushBatcher(database.db, {
      alone: (p) => {
        alone.push(p)
        return pushEachAlone(database.db, p.claims, p.request)
      }
    })
    // A user the database does not know breaks the group (its idempotency record has no user).
    const ghost: AccessClaims = { userId: randomUUID(), role: 'agent', teamId: null }
    const good = complaintMutation() as Mutation
    const ghostMutation = { id: randomUUID(), name: 'agent_state.record', args: agentState().args }
    const answers = await Promise.all([
      batcher.push(claimsOf('ana'), pending('ana', [good]).request),
      batcher.push(ghost, pending('ana', [ghostMutation]).request),
      batcher.push(claimsOf('bruno'), pending('bruno', [interaction()]).request)
    ])
    expect(answers[0].results).toEqual([{ id: good.id, status: 'applied' }])
    expect(answers[1].results).toEqual([
      {
        id: ghostMutation.id,
        status: 'rejected',
        reason: expect.objectContaining({ code: 'internal' }) as unknown
      }
    ])
    expect(answers[2].results[0]?.status).toBe('applied')
    // The first push had the database to itself; the other two shared a group, then were
    // committed apart, and only the ghost's went one mutation per transaction.
    expect(alone.map((p) => p.claims.userId)).toEqual([ghost.userId])
    expect(await count('complaints', 'id', complaintId(good))).toBe(1)
  })

  it('runs batches side by side under a backlog and still applies every mutation once', async () => {
    const batcher = new PushBatcher(database.db, {
      alone: (p) => pushEachAlone(database.db, p.claims, p.request),
      limits: { maxMutations: 4, maxInFlight: 3, pipelineBacklog: 1 }
    })
    const clientId = randomUUID()
    const repeated = complaintMutation() as Mutation
    // The same complaint re-sent under a new mutation id (a retry after a lost answer).
    const resent = { ...repeated, id: randomUUID() }
    const pushes: { user: string; mutations: Mutation[]; clientId: string }[] = []
    for (let i = 0; i < 12; i++) {
      const user = i % 3 === 0 ? 'diego' : 'ana'
      const mutations = [complaintMutation() as Mutation, complaintMutation() as Mutation]
      // Pushes 1, 5 and 11 are ana's client sending one mutation again.
      const again = i === 1 || i === 5 || i === 11
      if (again) mutations.push(repeated)
      if (i === 8) mutations.push(resent)
      pushes.push({ user, mutations, clientId: again ? clientId : randomUUID() })
    }
    const answers: PushResponse[] = await Promise.all(
      pushes.map((p) =>
        batcher.push(claimsOf(p.user), pending(p.user, p.mutations, p.clientId).request)
      )
    )
    answers.forEach((answer, i) => {
      expect(answer.results.map((r) => r.id)).toEqual(pushes[i]?.mutations.map((m) => m.id))
      expect(answer.results.every((r) => r.status === 'applied')).toBe(true)
    })
    expect(await count('complaints', 'id', complaintId(repeated))).toBe(1)
    expect(await count('applied_mutations', 'mutation_id', repeated.id)).toBe(1)
    for (const p of pushes) {
      for (const m of p.mutations) expect(await count('complaints', 'id', complaintId(m))).toBe(1)
    }
  })
})
