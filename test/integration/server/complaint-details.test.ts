import { beforeAll, expect, it } from 'vitest'

import { complaintSchema, type Complaint } from '@shared/domain/complaint'
import { describeOnEngines } from '@support/engine-suite'
import {
  complaintArgs,
  complaintMutation,
  login,
  pull,
  pullAll,
  push
} from '../../support/server-app'

const HOUR_MS = 3_600_000

describeOnEngines('complaint details on %s', { customers: 2 }, ({ database, app }) => {
  let token = ''

  beforeAll(async () => {
    token = (await login(app, 'ana')).accessToken
  })

  const pulled = async (cursor: number, id: string): Promise<Complaint | undefined> => {
    const { changes } = await pullAll(app, token, cursor)
    return changes
      .filter((c) => c.entity === 'complaint')
      .map((c) => complaintSchema.parse(c.data))
      .find((c) => c.id === id)
  }

  it('stores the severity, its due time and every detail, and sends them back', async () => {
    const before = await pull(app, token, 0, 1)
    const createdAt = '2026-11-24T08:00:00.000Z'
    const args = complaintArgs({
      createdAt,
      category: 'billing',
      subcategory: 'double_charge',
      severity: 'critical',
      qualityDimension: 'reliability',
      expected: 'Un solo cobro',
      received: 'Dos cobros',
      requestedRemedy: 'Devolución del segundo cobro'
    })
    const response = await push(app, token, [complaintMutation(args)])
    expect(response.results[0]?.status).toBe('applied')
    const rows = await database.db.query<{ severity: string; due_at: Date; subcategory: string }>(
      'SELECT severity, due_at, subcategory FROM complaints WHERE id = $1',
      [args.id]
    )
    // Critical: 4 hours by default.
    const due = new Date(Date.parse(createdAt) + 4 * HOUR_MS).toISOString()
    expect(rows[0]?.severity).toBe('critical')
    expect(rows[0]?.subcategory).toBe('double_charge')
    expect(rows[0]?.due_at.toISOString()).toBe(due)
    expect(await pulled(before.cursor, args.id)).toMatchObject({
      severity: 'critical',
      dueAt: due,
      subcategory: 'double_charge',
      qualityDimension: 'reliability',
      expected: 'Un solo cobro',
      received: 'Dos cobros',
      requestedRemedy: 'Devolución del segundo cobro'
    })
  })

  it('accepts a complaint written before the details existed, as medium severity', async () => {
    const before = await pull(app, token, 0, 1)
    const createdAt = '2026-11-24T08:00:00.000Z'
    const args = complaintArgs({ createdAt })
    const response = await push(app, token, [complaintMutation(args)])
    expect(response.results[0]?.status).toBe('applied')
    expect(await pulled(before.cursor, args.id)).toMatchObject({
      severity: 'medium',
      dueAt: new Date(Date.parse(createdAt) + 48 * HOUR_MS).toISOString(),
      subcategory: null,
      qualityDimension: null,
      expected: ''
    })
  })

  it('refuses an unknown category or a subcategory of another category, in one batch', async () => {
    const good = complaintArgs({ category: 'delivery', subcategory: 'late' })
    const unknown = complaintArgs({ category: 'teleportation' })
    const foreign = complaintArgs({ category: 'delivery', subcategory: 'double_charge' })
    const response = await push(app, token, [good, unknown, foreign].map(complaintMutation))
    expect(response.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected'])
    expect(JSON.stringify(response.results[1])).toContain('teleportation')
    expect(JSON.stringify(response.results[2])).toContain('double_charge')
    const stored = await database.db.query<{ id: string }>(
      'SELECT id FROM complaints WHERE id IN ($1, $2, $3)',
      [good.id, unknown.id, foreign.id]
    )
    expect(stored.map((r) => r.id)).toEqual([good.id])
  })
})
