/**
 * The floor's rows: the roster joined with live entries (an agent without one shows their last
 * durable state), sorted and filtered as the toolbar and the column headers ask.
 */
import { describe, expect, it } from 'vitest'

import { defaultFloorAlerts } from '@shared/domain/configuration'
import {
  buildRows,
  countByState,
  filterRows,
  fold,
  sortRows,
  type FloorRow
} from '@renderer/features/floor/floor-rows'

import { demoFloor } from './floor-fixture'

const NOW = Date.parse('2026-12-06T10:00:00.000Z')
const demo = demoFloor(25, NOW)
const entries = Object.fromEntries(demo.entries.map((e) => [e.agentId, e]))
const context = {
  now: NOW,
  thresholds: defaultFloorAlerts,
  pauseLimits: new Map<string, number | null>([['break', 15]])
}
const rows = buildRows(demo.roster, entries, context)
const names = (list: readonly FloorRow[]) => list.map((r) => r.agent.name)
const none = { states: new Set<never>(), text: '', onlyAlerts: false }

describe('floor rows', () => {
  it('lists every agent of the roster, live, lost or offline', () => {
    expect(rows).toHaveLength(25)
    const offline = rows.filter((r) => r.state === 'offline')
    expect(offline.every((r) => r.entry === null && r.alerts.length === 0)).toBe(true)
    expect(offline.map((r) => r.since)).toEqual(
      offline.map((r) => Date.parse(r.agent.latest?.since ?? ''))
    )
    const lost = rows.filter((r) => r.state === 'lost')
    expect(lost.length).toBeGreaterThan(0)
    expect(lost.every((r) => r.alerts.map((a) => a.kind).join() === 'connectionLost')).toBe(true)
  })

  it('treats an entry the server says is offline as no entry', () => {
    const [first] = demo.entries
    if (!first) throw new Error('no entry')
    const offline = buildRows(
      demo.roster,
      { [first.agentId]: { ...first, status: 'offline' } },
      context
    )
    expect(offline.find((r) => r.agent.id === first.agentId)?.state).toBe('offline')
  })

  it('counts each state for the chips, and the counts add up', () => {
    const counts = countByState(rows)
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(25)
    expect(counts.offline).toBe(rows.filter((r) => r.state === 'offline').length)
  })

  it('filters by state, by a name without accents, and to those with alerts', () => {
    expect(
      filterRows(rows, { ...none, states: new Set(['lost']) }).every((r) => r.state === 'lost')
    ).toBe(true)
    expect(names(filterRows(rows, { ...none, text: 'ramirez' }))).toEqual(['Diego Ramírez'])
    expect(names(filterRows(rows, { ...none, text: '  ÁLVARO ' }))).toEqual(['Álvaro Cano'])
    const alerted = filterRows(rows, { ...none, onlyAlerts: true })
    expect(alerted.length).toBeGreaterThan(0)
    expect(alerted.every((r) => r.alerts.length > 0)).toBe(true)
    expect(fold('Núñez')).toBe('nunez')
  })

  it('sorts by name, by state, by time in state (longest first), and alerts first', () => {
    const byName = names(sortRows(rows, { key: 'name', direction: 'ascending' }))
    expect(byName).toEqual(
      [...byName].sort((a, b) => a.localeCompare(b, 'es', { sensitivity: 'base' }))
    )
    expect(names(sortRows(rows, { key: 'name', direction: 'descending' }))).toEqual(
      [...byName].reverse()
    )

    const byState = sortRows(rows, { key: 'state', direction: 'ascending' }).map((r) => r.state)
    expect(byState[0]).toBe('on_call')
    expect(byState.at(-1)).toBe('offline')

    const byTime = sortRows(rows, { key: 'time', direction: 'ascending' })
    const since = byTime.map((r) => r.since ?? Infinity)
    expect(since).toEqual([...since].sort((a, b) => a - b))

    const alertsFirst = sortRows(rows, { key: 'alerts', direction: 'descending' })
    const counts = alertsFirst.map((r) => r.alerts.length)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
  })
})
