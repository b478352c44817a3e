import { describe, expect, it } from 'vitest'

import { LineRuns, pausesOf } from '@renderer/features/scripts/line-runs'
import { applyEvent, startRun } from '@shared/scripts/interpreter'
import type { RunContext } from '@shared/scripts/run-context'
import { runRecordOf } from '@shared/scripts/run-record'
import type { RunState } from '@shared/scripts/run-state'
import { scriptFrom } from '../../../shared/scripts/support'
import inboundSource from '@resources/scripts/inbound-service.yaml?raw'

const script = scriptFrom(inboundSource)
const at = (second: number): RunContext => ({
  customer: null,
  language: 'es',
  now: new Date(Date.UTC(2026, 10, 24, 10, 0, second))
})
const iso = (second: number): string => at(second).now.toISOString()

function started(second: number): RunState {
  const result = startRun(script, at(second))
  if (!result.ok) throw new Error(result.error.message)
  return result.data.state
}

function next(state: RunState, second: number): RunState {
  const result = applyEvent(script, state, { type: 'next' }, at(second))
  if (!result.ok) throw new Error(result.error.message)
  return result.data.state
}

const sip = { practice: false, customerId: null }

describe('line runs', () => {
  it('keeps one run per call; the front one is the one shown', () => {
    const runs = new LineRuns()
    runs.focus('a', iso(0))
    runs.begin('a', started(0), sip, iso(0))
    runs.focus('b', iso(10))
    expect(runs.front).toBeNull()
    runs.begin('b', started(11), sip, iso(11))
    expect(runs.front?.callId).toBe('b')
    expect(runs.get('a')?.state.startedAt).toBe(iso(0))
    expect(runs.all.map((r) => r.callId).sort()).toEqual(['a', 'b'])
  })

  it('a parked run keeps its path and resumes where it was', () => {
    const runs = new LineRuns()
    runs.focus('a', iso(0))
    runs.begin('a', started(0), sip, iso(0))
    const moved = next(started(0), 5)
    runs.update('a', moved)
    runs.focus('b', iso(10))
    runs.begin('b', started(10), sip, iso(10))
    runs.update('b', next(started(10), 12))
    expect(runs.focus('a', iso(30))?.state).toBe(moved)
    // The greeting's branch, the greeting, the next step.
    expect(runs.get('b')?.state.path.map((p) => p.enteredAt)).toEqual([iso(10), iso(10), iso(12)])
  })

  it('counts the time in the background as pauses, one per stay', () => {
    const runs = new LineRuns()
    runs.focus('a', iso(0))
    runs.begin('a', started(0), sip, iso(0))
    runs.focus('b', iso(10))
    runs.focus('a', iso(25))
    runs.focus('b', iso(40))
    const a = runs.get('a')
    if (!a) throw new Error('no run for a')
    expect(a.pauses).toEqual([{ from: iso(10), to: iso(25) }])
    expect(a.parkedAt).toBe(iso(40))
    // A call that ends while parked: the pause runs until the end of the run.
    expect(pausesOf(a, iso(50))).toEqual([
      { from: iso(10), to: iso(25) },
      { from: iso(40), to: iso(50) }
    ])
  })

  it('a run started on a line in the background is parked from its start', () => {
    const runs = new LineRuns()
    runs.focus('a', iso(0))
    const b = runs.begin('b', started(3), sip, iso(3))
    expect(b.parkedAt).toBe(iso(3))
    runs.focus('b', iso(8))
    expect(b.pauses).toEqual([{ from: iso(3), to: iso(8) }])
    expect(b.parkedAt).toBeNull()
  })

  it('focusing the line already in front changes nothing', () => {
    const runs = new LineRuns()
    runs.focus('a', iso(0))
    runs.begin('a', started(0), sip, iso(0))
    runs.focus('a', iso(9))
    expect(runs.get('a')?.pauses).toEqual([])
  })

  it('an ended call leaves the book once; the other line is untouched', () => {
    const runs = new LineRuns()
    runs.focus('a', iso(0))
    runs.begin('a', started(0), sip, iso(0))
    runs.focus('b', iso(10))
    runs.begin('b', started(10), sip, iso(10))
    expect(runs.end('a')?.callId).toBe('a')
    expect(runs.end('a')).toBeNull()
    expect(runs.front?.callId).toBe('b')
    expect(runs.end('b')?.callId).toBe('b')
    expect(runs.frontId).toBeNull()
  })

  it('the record of a swapped run counts only the time the agent was on its call', () => {
    const runs = new LineRuns()
    runs.focus('a', iso(0))
    const run = runs.begin('a', started(0), sip, iso(0))
    // Through the branch at once, on the greeting 0–5, then on the next step from 5; away 10–40;
    // abandoned at 50.
    runs.update('a', next(run.state, 5))
    runs.focus('b', iso(10))
    runs.focus('a', iso(40))
    const ended = applyEvent(script, run.state, { type: 'abandon' }, at(50))
    if (!ended.ok) throw new Error(ended.error.message)
    runs.update('a', ended.data.state)
    const record = runRecordOf(
      run.state,
      { callId: 'a', practice: false, customerId: null },
      pausesOf(run, iso(50))
    )
    expect(record?.steps.map((s) => s.seconds)).toEqual([0, 5, 15])
    expect(record?.endedAt).toBe(iso(50))
  })
})
