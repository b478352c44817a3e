import { describe, expect, it } from 'vitest'

import {
  practiceFacts,
  scorePractice,
  type CallComplaint,
  type CallCompensation
} from '@shared/practice'
import type { PathStep, RunState } from '@shared/scripts/run-state'
import { sample } from './support'

const t0 = Date.parse('2026-12-07T10:00:00.000Z')
const at = (seconds: number): string => new Date(t0 + seconds * 1000).toISOString()

/** A run along `nodes`, ten seconds a step, with answers where given. */
function run(nodes: readonly (string | [string, string])[], status: RunState['status']): RunState {
  const path: PathStep[] = nodes.map((n, i) => {
    const [nodeId, answer] = typeof n === 'string' ? [n, undefined] : n
    return {
      nodeId,
      via: i === 0 ? 'start' : 'next',
      enteredAt: at(i * 10),
      jumps: [],
      ...(answer === undefined ? {} : { answer })
    }
  })
  return {
    scriptId: 'complaint-intake',
    scriptVersion: 1,
    language: 'es',
    status,
    startedAt: at(0),
    ...(status === 'open' ? {} : { closedAt: at(nodes.length * 10) }),
    ...(status === 'closed' ? { outcome: 'complaint-escalated' } : {}),
    path,
    confirmations: [],
    effects: [],
    log: []
  }
}

const expectedPath: (string | [string, string])[] = [
  'acknowledge',
  ['category', 'billing'],
  ['expected', 'El cargo devuelto'],
  ['received', 'Dos cargos'],
  ['dimension', 'reliability'],
  ['severity', 'high'],
  'pick-category',
  'create-billing',
  'close-route',
  'escalate',
  'end-escalated'
]

const complaint = (over: Partial<CallComplaint> = {}): CallComplaint => ({
  id: 'c1',
  callId: 'practice-1',
  category: 'billing',
  qualityDimension: 'reliability',
  createdAt: at(75),
  ...over
})

const grant = (over: Partial<CallCompensation> = {}): CallCompensation => ({
  complaintId: 'c1',
  status: 'granted',
  amount: 50,
  currency: 'USD',
  type: 'credit',
  requestedAt: at(80),
  ...over
})

describe('the facts of a practice call, as the score reads them', () => {
  const { scenario, script } = sample('win-back-high-value')

  it('scores the win-back done right at 100 %: complaint, grant within authority, disposition', () => {
    const facts = practiceFacts({
      callId: 'practice-1',
      run: run(expectedPath, 'closed'),
      complaints: [complaint(), complaint({ id: 'other', callId: 'another-call' })],
      compensations: [grant(), grant({ complaintId: 'other', amount: 900 })],
      // The wrap-up's configured code; the run's outcome is what the scenario names.
      disposition: 'complaint_filed',
      endedAt: at(200)
    })
    expect(facts.complaints).toEqual([{ category: 'billing', dimension: 'reliability' }])
    expect(facts.compensation).toEqual({
      amount: 50,
      currency: 'USD',
      type: 'credit',
      withinAuthority: true
    })
    expect(facts.disposition).toBe('complaint-escalated')
    expect(facts.run.steps.map((s) => s.nodeId)).toEqual(expectedPath.map((n) => [n].flat()[0]))
    expect(scorePractice(scenario, facts, script)).toMatchObject({ percent: 100, passed: true })
  })

  it('scores an unfinished run as far as it went, its last step timed to the wrap-up', () => {
    const facts = practiceFacts({
      callId: 'practice-1',
      run: run(expectedPath.slice(0, 3), 'open'),
      complaints: [],
      compensations: [],
      disposition: 'complaint-escalated',
      endedAt: at(95)
    })
    expect(facts.run.steps.map((s) => s.seconds)).toEqual([10, 10, 75])
    const report = scorePractice(scenario, facts, script)
    expect(report.passed).toBe(false)
    expect(report.criticalFailures.map((i) => i.kind)).toEqual([
      'complaint_category',
      'complaint_dimension',
      'compensation'
    ])
    // The time on the third step counts against its target (60 s): it is reported, not scored.
    expect(report.items.find((i) => i.kind === 'time' && i.nodeId === 'expected')).toMatchObject({
      passed: false,
      actual: 75,
      points: 0,
      weight: 0
    })
  })

  it('counts a grant that needed approval as beyond authority, whatever was decided', () => {
    const facts = practiceFacts({
      callId: 'practice-1',
      run: null,
      complaints: [complaint()],
      compensations: [grant({ status: 'approved', amount: 90 })],
      disposition: null,
      endedAt: at(60)
    })
    expect(facts.run).toEqual({ steps: [], confirmations: [] })
    expect(facts.compensation).toMatchObject({ amount: 90, withinAuthority: false })
  })

  it('scores the first grant within authority when the trainee tried twice', () => {
    const facts = practiceFacts({
      callId: 'practice-1',
      run: null,
      complaints: [complaint()],
      compensations: [
        grant({ status: 'pending', amount: 500, requestedAt: at(70) }),
        grant({ amount: 80, requestedAt: at(90) })
      ],
      disposition: null,
      endedAt: at(100)
    })
    expect(facts.compensation).toMatchObject({ amount: 80, withinAuthority: true })
  })
})
