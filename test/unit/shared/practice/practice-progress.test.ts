import { describe, expect, it } from 'vitest'

import {
  certificationOf,
  recordedPracticeFacts,
  weakestItems,
  type ScoreItem
} from '@shared/practice'

const session = (version: number, percent: number, passed: boolean, day: number) => ({
  scenarioVersion: version,
  percent,
  passed,
  endedAt: `2026-12-0${String(day)}T10:00:00.000Z`
})

describe('certification on a scenario', () => {
  it('certifies at the third pass of 80 % or more on the current version, dated by that pass', () => {
    const state = certificationOf(
      [
        session(2, 100, true, 1),
        session(2, 79, true, 2), // passed its own threshold, under the certification's
        session(2, 95, false, 3), // a critical failure: not passed
        session(2, 80, true, 5),
        session(2, 90, true, 4)
      ],
      2
    )
    expect(state).toEqual({
      passes: 3,
      required: 3,
      certified: true,
      certifiedAt: '2026-12-05T10:00:00.000Z',
      best: 100
    })
  })

  it('counts nothing of an older version: a new version is a new test', () => {
    const state = certificationOf(
      [session(1, 100, true, 1), session(1, 100, true, 2), session(1, 100, true, 3)],
      2
    )
    expect(state).toEqual({
      passes: 0,
      required: 3,
      certified: false,
      certifiedAt: null,
      best: null
    })
  })
})

const item = (kind: ScoreItem['kind'], nodeId: string | null, passed: boolean): ScoreItem => ({
  kind,
  nodeId,
  passed,
  points: passed ? 2 : 0,
  weight: kind === 'time' ? 0 : 2,
  critical: false,
  expected: null,
  actual: null
})

describe('the weakest points', () => {
  const of = (traineeId: string, scenarioId: string, items: ScoreItem[]) => ({
    traineeId,
    scenarioId,
    scriptId: 'complaint-intake',
    report: { items }
  })

  it('ranks by the share missed, then by trainees, leaving time out and what nobody missed', () => {
    const weak = weakestItems([
      of('ana', 'win-back', [
        item('mandatory_step', 'legal', false),
        item('branch', 'category', false),
        item('time', 'legal', false),
        item('disposition', null, true)
      ]),
      of('bruno', 'win-back', [
        item('mandatory_step', 'legal', false),
        item('branch', 'category', true),
        item('disposition', null, true)
      ]),
      // The same node in another scenario is another point.
      of('ana', 'retention', [item('mandatory_step', 'legal', true)])
    ])
    expect(weak).toEqual([
      {
        scenarioId: 'win-back',
        scriptId: 'complaint-intake',
        kind: 'mandatory_step',
        nodeId: 'legal',
        misses: 2,
        attempts: 2,
        trainees: 2
      },
      {
        scenarioId: 'win-back',
        scriptId: 'complaint-intake',
        kind: 'branch',
        nodeId: 'category',
        misses: 1,
        attempts: 2,
        trainees: 1
      }
    ])
  })

  it('keeps to the limit', () => {
    const sessions = Array.from({ length: 20 }, (_, i) =>
      of('ana', 'win-back', [item('branch', `node-${String(i)}`, false)])
    )
    expect(weakestItems(sessions, 5)).toHaveLength(5)
  })
})

describe('facts from recorded records (what the server scores)', () => {
  it("takes a closed run's outcome as the disposition, else the wrap-up's code", () => {
    const base = {
      callId: 'practice-1',
      complaints: [],
      compensations: [],
      disposition: 'complaint_filed'
    }
    const run = {
      status: 'closed' as const,
      outcome: 'complaint-escalated',
      steps: [{ nodeId: 'acknowledge', enteredAt: '2026-12-07T10:00:00.000Z', seconds: 5 }],
      confirmations: []
    }
    expect(recordedPracticeFacts({ ...base, run }).disposition).toBe('complaint-escalated')
    expect(
      recordedPracticeFacts({ ...base, run: { ...run, status: 'abandoned', outcome: null } })
        .disposition
    ).toBe('complaint_filed')
    expect(recordedPracticeFacts({ ...base, run: null }).run).toEqual({
      steps: [],
      confirmations: []
    })
  })
})
