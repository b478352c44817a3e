import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import { scriptRunRecordInputSchema } from '@shared/domain/script-run'
import { applyEvent, startRun } from '@shared/scripts/interpreter'
import type { RunContext } from '@shared/scripts/run-context'
import type { RunEvent, RunState } from '@shared/scripts/run-state'
import { runRecordOf } from '@shared/scripts/run-record'
import { scriptAnalytics, type RunForAnalytics } from '@shared/scripts/run-analytics'
import { scriptFrom } from './support'

const at = (second: number): RunContext => ({
  customer: null,
  language: 'es',
  now: new Date(Date.UTC(2026, 10, 24, 10, 0, second))
})

function run(events: [number, RunEvent][]): RunState {
  const script = scriptFrom(
    readFileSync(
      resolve(import.meta.dirname, '../../../../resources/scripts/outbound-retention.yaml'),
      'utf8'
    )
  )
  const started = startRun(script, at(0))
  if (!started.ok) throw new Error(started.error.message)
  let state = started.data.state
  for (const [second, event] of events) {
    const next = applyEvent(script, state, event, at(second))
    if (!next.ok) throw new Error(next.error.message)
    state = next.data.state
  }
  return state
}

const context = { callId: 'call-1', practice: false, customerId: null }

describe('run record', () => {
  it('is null while the run is open', () => {
    expect(runRecordOf(run([]), context)).toBeNull()
  })

  it('keeps the final path with the time on each step and the confirmations', () => {
    const state = run([
      [5, { type: 'next' }],
      [20, { type: 'confirm' }],
      [21, { type: 'next' }],
      [30, { type: 'chooseOption', index: 2 }],
      [31, { type: 'close' }]
    ])
    const record = runRecordOf(state, context)
    expect(scriptRunRecordInputSchema.safeParse(record).success).toBe(true)
    expect(record).toMatchObject({
      status: 'closed',
      outcome: 'do-not-call',
      abandonReason: null,
      startedAt: '2026-11-24T10:00:00.000Z',
      endedAt: '2026-11-24T10:00:31.000Z',
      confirmations: [{ nodeId: 'disclosure', at: '2026-11-24T10:00:20.000Z' }]
    })
    expect(record?.steps.map((s) => [s.nodeId, s.seconds, s.answer])).toEqual([
      ['intro', 5, undefined],
      ['disclosure', 16, undefined],
      ['consent', 9, false],
      ['consent-route', 0, undefined],
      ['end-do-not-call', 1, undefined]
    ])
  })

  it('leaves steps undone with Back out of the path', () => {
    const state = run([
      [2, { type: 'next' }],
      [4, { type: 'back' }],
      [6, { type: 'abandon', reason: 'call_ended' }]
    ])
    const record = runRecordOf(state, context)
    expect(record).toMatchObject({
      status: 'abandoned',
      outcome: null,
      abandonReason: 'call_ended'
    })
    expect(record?.steps.map((s) => s.nodeId)).toEqual(['intro'])
  })
})

describe('script analytics', () => {
  const step = (nodeId: string, seconds: number) => ({ nodeId, seconds })
  const runs: RunForAnalytics[] = [
    { status: 'closed', outcome: 'sale', steps: [step('a', 4), step('b', 10), step('end', 0)] },
    { status: 'closed', outcome: 'sale', steps: [step('a', 6), step('b', 20), step('end', 0)] },
    { status: 'closed', outcome: 'callback', steps: [step('a', 2), step('c', 1), step('end', 0)] },
    { status: 'abandoned', outcome: null, steps: [step('a', 8), step('b', 30)] },
    // An objection jump away from b and back: both visits count towards b's time in this run.
    {
      status: 'abandoned',
      outcome: null,
      steps: [step('a', 1), step('b', 5), step('faq', 3), step('b', 7)]
    }
  ]

  it('counts completion, outcomes, drop-off and median time per node', () => {
    const result = scriptAnalytics(runs)
    expect(result).toMatchObject({ runs: 5, closed: 3, abandoned: 2, completionRate: 0.6 })
    expect(result.outcomes).toEqual([
      { code: 'sale', runs: 2 },
      { code: 'callback', runs: 1 }
    ])
    const byNode = Object.fromEntries(result.nodes.map((n) => [n.nodeId, n]))
    expect(result.nodes.map((n) => n.nodeId)).toEqual(['a', 'b', 'end', 'c', 'faq'])
    expect(byNode['a']).toEqual({
      nodeId: 'a',
      runs: 5,
      dropOffs: 0,
      dropOffRate: 0,
      medianSeconds: 4
    })
    expect(byNode['b']).toEqual({
      nodeId: 'b',
      runs: 4,
      dropOffs: 2,
      dropOffRate: 0.5,
      medianSeconds: 16
    })
    expect(byNode['faq']?.dropOffs).toBe(0)
  })

  it('is all zeros for a script nobody ran', () => {
    expect(scriptAnalytics([])).toEqual({
      runs: 0,
      closed: 0,
      abandoned: 0,
      completionRate: 0,
      outcomes: [],
      nodes: [],
      offers: []
    })
  })
})
