/**
 * Editing complaints on the server (`complaint.update`): two clients edit the same case, fields
 * merge, a field both changed comes back as a conflict with both values and who changed theirs;
 * scopes and invalid bodies are refused; the timeline, the audit log and the due time follow.
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { complaintSchema } from '@shared/domain/complaint'
import { complaintEventSchema } from '@shared/domain/complaint-event'
import { DEFAULT_SLA_HOURS } from '@shared/domain/complaint-severity'
import { describeOnEngines } from '@support/engine-suite'
import {
  complaintArgs,
  complaintMutation,
  login,
  pullAll,
  push,
  syncHeaders
} from '../../support/server-app'
import { PROTOCOL_VERSION } from '@shared/sync/protocol'

const HOUR_MS = 3_600_000

describeOnEngines('complaint edits on %s', { customers: 2 }, ({ database, app }) => {
  const tokens: Record<string, string> = {}
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    for (const user of ['ana', 'bruno', 'carla', 'diego', 'tomas', 'admin']) {
      const session = await login(app, user)
      tokens[user] = session.accessToken
      const row = await database.db.query<{ id: string }>(
        'SELECT id FROM users WHERE username = $1',
        [user]
      )
      ids[user] = row[0]?.id ?? ''
    }
  })

  const token = (user: string): string => tokens[user] ?? ''
  const edit = (complaintId: string, edits: unknown[]) => ({
    id: randomUUID(),
    name: 'complaint.update',
    args: { id: randomUUID(), complaintId, edits, at: new Date().toISOString() }
  })
  const update = async (user: string, complaintId: string, edits: unknown[]) =>
    (await push(app, token(user), [edit(complaintId, edits)])).results[0]
  const fileComplaint = async (overrides: Record<string, unknown> = {}): Promise<string> => {
    const args = complaintArgs({
      subcategory: 'double_charge',
      severity: 'low',
      expected: 'Un cargo',
      ...overrides
    })
    const { results } = await push(app, token('ana'), [complaintMutation(args)])
    expect(results[0]?.status).toBe('applied')
    return args.id
  }
  const stored = async (id: string) => {
    const rows = await database.db.query<{
      description: string
      severity: string
      expected: string
      quality_dimension: string | null
      subcategory: string | null
      category: string
      created_at: Date
      due_at: Date | null
    }>('SELECT * FROM complaints WHERE id = $1', [id])
    return rows[0]
  }
  const description = 'Me cobraron dos veces la factura de marzo'

  it('merges edits of different fields from two clients without a conflict', async () => {
    const id = await fileComplaint()
    // Both clients saw the case as filed; ana changes the description, bruno the severity.
    expect(
      await update('ana', id, [
        { field: 'description', base: description, value: 'Tres cargos en la factura' }
      ])
    ).toMatchObject({ status: 'applied' })
    expect(
      await update('bruno', id, [{ field: 'severity', base: 'low', value: 'critical' }])
    ).toMatchObject({ status: 'applied' })
    const row = await stored(id)
    expect(row?.description).toBe('Tres cargos en la factura')
    expect(row?.severity).toBe('critical')
    // The due time follows the new severity, from the filing time.
    expect(row?.due_at?.getTime()).toBe(
      (row?.created_at.getTime() ?? 0) + DEFAULT_SLA_HOURS.critical * HOUR_MS
    )
    // Both edits are in the timeline with their fields, and clients pull the merged case.
    const { changes } = await pullAll(app, token('carla'))
    const edits = changes
      .filter((c) => c.entity === 'complaint_event')
      .map((c) => complaintEventSchema.parse(c.data))
      .filter((e) => e.complaintId === id)
    expect(edits.map((e) => [e.action, e.fields, e.actorId])).toEqual([
      ['edited', ['description'], ids['ana']],
      ['edited', ['severity'], ids['bruno']]
    ])
    const latest = changes
      .filter((c) => c.entity === 'complaint')
      .map((c) => complaintSchema.parse(c.data))
      .filter((c) => c.id === id)
      .at(-1)
    expect(latest).toMatchObject({ description: 'Tres cargos en la factura', severity: 'critical' })
    const audit = await database.db.query<{ actor_id: string; target: string }>(
      "SELECT actor_id, target FROM audit_log WHERE action = 'complaint.edited' AND target = $1 ORDER BY id",
      [id]
    )
    expect(audit.map((a) => a.actor_id)).toEqual([ids['ana'], ids['bruno']])
  })

  it('answers a field both changed to different values with a conflict: theirs kept, both values', async () => {
    const id = await fileComplaint()
    expect(
      await update('bruno', id, [{ field: 'expected', base: 'Un cargo', value: 'Un único cargo' }])
    ).toMatchObject({ status: 'applied' })
    // Ana edited offline from what she saw at filing time: expected conflicts, received merges.
    const result = await update('ana', id, [
      { field: 'expected', base: 'Un cargo', value: 'Solo el cargo de marzo' },
      { field: 'received', base: '', value: 'Dos cargos' }
    ])
    expect(result).toMatchObject({
      status: 'conflict',
      complaintId: id,
      conflicts: [
        {
          field: 'expected',
          base: 'Un cargo',
          theirs: 'Un único cargo',
          yours: 'Solo el cargo de marzo',
          changedBy: ids['bruno']
        }
      ]
    })
    const conflict = result?.status === 'conflict' ? result.conflicts[0] : undefined
    expect(Date.parse(conflict?.changedAt ?? '')).not.toBeNaN()
    const row = await database.db.query<{ expected: string; received: string }>(
      'SELECT expected, received FROM complaints WHERE id = $1',
      [id]
    )
    expect(row[0]).toEqual({ expected: 'Un único cargo', received: 'Dos cargos' })
    // "Use mine": a new edit based on the server's value applies.
    expect(
      await update('ana', id, [
        { field: 'expected', base: 'Un único cargo', value: 'Solo el cargo de marzo' }
      ])
    ).toMatchObject({ status: 'applied' })
    expect((await stored(id))?.expected).toBe('Solo el cargo de marzo')
  })

  it('treats a re-sent mutation as the same answer, and the same change on both sides as none', async () => {
    const id = await fileComplaint()
    const mutation = edit(id, [{ field: 'severity', base: 'low', value: 'high' }])
    const clientId = randomUUID()
    const first = await push(app, token('ana'), [mutation], clientId)
    const again = await push(app, token('ana'), [mutation], clientId)
    expect(again.results).toEqual(first.results)
    expect(
      await update('bruno', id, [{ field: 'severity', base: 'low', value: 'high' }])
    ).toMatchObject({ status: 'applied' })
    const events = await database.db.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM complaint_events WHERE complaint_id = $1 AND action = 'edited'",
      [id]
    )
    expect(events[0]?.n).toBe(1)
  })

  it('keeps category and subcategory consistent across merges', async () => {
    const id = await fileComplaint()
    expect(
      await update('bruno', id, [
        { field: 'category', base: 'billing', value: 'service_quality' },
        { field: 'subcategory', base: 'double_charge', value: 'outage' }
      ])
    ).toMatchObject({ status: 'applied' })
    // Ana only moved the subcategory within billing: it no longer fits bruno's category.
    const result = await update('ana', id, [
      { field: 'subcategory', base: 'double_charge', value: 'wrong_amount' }
    ])
    expect(result).toMatchObject({ status: 'conflict' })
    expect((await stored(id))?.subcategory).toBe('outage')
    // A pair that exists nowhere is simply invalid.
    expect(
      await update('ana', id, [{ field: 'category', base: 'service_quality', value: 'no_such' }])
    ).toMatchObject({ status: 'rejected', reason: { code: 'invalid_argument' } })
  })

  it("refuses another team's case, trainers, closed cases and unknown complaints", async () => {
    const id = await fileComplaint()
    const change = [{ field: 'severity', base: 'low', value: 'medium' }]
    expect(await update('diego', id, change)).toMatchObject({
      status: 'rejected',
      reason: { code: 'forbidden' }
    })
    expect(await update('tomas', id, change)).toMatchObject({
      status: 'rejected',
      reason: { code: 'forbidden' }
    })
    expect((await stored(id))?.severity).toBe('low')
    // The team's lead and admins may edit.
    expect(await update('carla', id, change)).toMatchObject({ status: 'applied' })
    expect(
      await update('admin', id, [{ field: 'severity', base: 'medium', value: 'high' }])
    ).toMatchObject({ status: 'applied' })
    expect(await update('ana', randomUUID(), change)).toMatchObject({
      status: 'rejected',
      reason: { code: 'not_found' }
    })
    const closed = await fileComplaint()
    await database.db.query("UPDATE complaints SET status = 'closed' WHERE id = $1", [closed])
    expect(await update('ana', closed, change)).toMatchObject({
      status: 'rejected',
      reason: { code: 'conflict' }
    })
  })

  it('rejects invalid edits with their reason, and a malformed push with 400', async () => {
    const id = await fileComplaint()
    for (const edits of [
      [],
      [{ field: 'severity', base: 'low', value: 'urgent' }],
      [{ field: 'description', base: description, value: 'x' }],
      [{ field: 'status', base: 'open', value: 'closed' }],
      [
        { field: 'expected', base: 'Un cargo', value: 'a' },
        { field: 'expected', base: 'Un cargo', value: 'b' }
      ]
    ]) {
      expect(await update('ana', id, edits), JSON.stringify(edits)).toMatchObject({
        status: 'rejected',
        reason: { code: 'invalid_argument' }
      })
    }
    expect((await stored(id))?.severity).toBe('low')
    const response = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: syncHeaders(token('ana')),
      payload: { protocolVersion: PROTOCOL_VERSION, clientId: 'not-a-uuid', mutations: [] }
    })
    expect(response.statusCode).toBe(400)
  })
})
