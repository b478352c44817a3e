import { describe, expect, it } from 'vitest'

import { scorePractice, type PracticeFacts } from '@shared/practice'
import type { ScriptRunStep } from '@shared/domain/script-run'
import { sample } from './support'

const at = '2025-04-01T10:00:00.000Z'
const step = (nodeId: string, extra: Partial<ScriptRunStep> = {}): ScriptRunStep => ({
  nodeId,
  enteredAt: at,
  seconds: 10,
  ...extra
})

const retention = sample('retention-objections')
/** The retention sample done right, with both objections handled through their jump. */
const retentionDone: PracticeFacts = {
  run: {
    steps: [
      ...['intro', 'disclosure', 'consent', 'consent-route', 'satisfaction'].map((id) => step(id)),
      ...['objection-price', 'objection-price-check', 'objection-price-route'].map((id) =>
        step(id)
      ),
      step('objection-price-back'),
      step('satisfaction'),
      step('risk-route'),
      step('cross-sell', { offered: 'FIBER-1G', answer: 'accepted' }),
      step('offer-answer'),
      ...['objection-price', 'objection-price-check', 'objection-price-route'].map((id) =>
        step(id)
      ),
      step('objection-price-back'),
      step('offer-answer', { answer: 'accepted' }),
      step('end-sale')
    ],
    confirmations: [{ nodeId: 'disclosure', at }]
  },
  complaints: [],
  compensation: null,
  disposition: 'sale'
}

describe('scoring a practice call', () => {
  it('passes a perfect run at 100 %, item by item in path order', () => {
    const report = scorePractice(retention.scenario, retentionDone, retention.script)
    expect(report).toMatchObject({ percent: 100, passed: true, criticalFailures: [] })
    expect(report.items.map((i) => `${i.kind}:${i.nodeId ?? ''}`)).toEqual([
      'time:intro',
      'mandatory_step:disclosure',
      'time:disclosure',
      'branch:consent-route',
      'time:satisfaction',
      'branch:risk-route',
      'offer:cross-sell',
      'time:cross-sell',
      'branch:offer-answer',
      'disposition:'
    ])
  })

  it('passes the win-back sample with the complaint and a compensation within authority', () => {
    const { scenario, script } = sample('win-back-high-value')
    const report = scorePractice(
      scenario,
      {
        run: { steps: scenario.expectedPath.map((id) => step(id)), confirmations: [] },
        complaints: [{ category: 'billing', dimension: 'reliability' }],
        compensation: { amount: 60, currency: 'USD', type: 'credit', withinAuthority: true },
        disposition: 'complaint-escalated'
      },
      script
    )
    expect(report.percent).toBe(100)
    expect(report.passed).toBe(true)
    const over = scorePractice(
      scenario,
      {
        run: { steps: scenario.expectedPath.map((id) => step(id)), confirmations: [] },
        complaints: [{ category: 'billing', dimension: 'empathy' }],
        compensation: { amount: 150, currency: 'USD', type: 'credit', withinAuthority: false },
        disposition: 'complaint-escalated'
      },
      script
    )
    expect(over.criticalFailures.map((i) => i.kind)).toEqual([
      'complaint_dimension',
      'compensation'
    ])
    expect(over.passed).toBe(false)
  })

  it('lowers the score when a mandatory step is skipped, and names the step', () => {
    const report = scorePractice(
      retention.scenario,
      { ...retentionDone, run: { ...retentionDone.run, confirmations: [] } },
      retention.script
    )
    const failed = report.items.filter((i) => !i.passed)
    expect(failed).toEqual([
      expect.objectContaining({
        kind: 'mandatory_step',
        nodeId: 'disclosure',
        actual: 'not_confirmed',
        points: 0,
        weight: 3,
        critical: true
      })
    ])
    // 3 of 3 + 2 + 2 + 3 + 2 + 2 points lost: 11 / 14.
    expect(report.percent).toBe(78.6)
    expect(report.passed).toBe(false)
  })

  it('names the decision where the trainee took the wrong branch', () => {
    const { scenario, script } = sample('survey-csat-nps')
    const path = ['intro', 'intro-route', 'csat', 'nps', 'nps-route', 'promoter-thanks']
    const report = scorePractice(
      scenario,
      {
        run: {
          steps: [...path, 'comments', 'thanks', 'end-completed'].map((id) => step(id)),
          confirmations: []
        },
        complaints: [],
        compensation: null,
        disposition: 'survey-completed'
      },
      script
    )
    const wrong = report.items.filter((i) => i.kind === 'branch' && !i.passed)
    expect(wrong).toEqual([
      expect.objectContaining({
        nodeId: 'nps-route',
        expected: 'detractor-reason',
        actual: 'promoter-thanks',
        critical: true
      })
    ])
    expect(report.passed).toBe(false)
  })

  it('reports time over target without costing points', () => {
    const slow: PracticeFacts = {
      ...retentionDone,
      run: {
        ...retentionDone.run,
        steps: retentionDone.run.steps.map((s) =>
          s.nodeId === 'cross-sell' ? { ...s, seconds: 120 } : s
        )
      }
    }
    const report = scorePractice(retention.scenario, slow, retention.script)
    expect(report.items.find((i) => i.kind === 'time' && i.nodeId === 'cross-sell')).toMatchObject({
      passed: false,
      expected: 90,
      actual: 120,
      points: 0,
      weight: 0
    })
    expect(report.percent).toBe(100)
    expect(report.passed).toBe(true)
  })

  it('fails the offer when another outcome is recorded, and the disposition when it differs', () => {
    const report = scorePractice(
      retention.scenario,
      {
        ...retentionDone,
        run: {
          ...retentionDone.run,
          steps: retentionDone.run.steps.map((s) =>
            s.nodeId === 'cross-sell' ? { ...s, answer: 'declined' } : s
          )
        },
        disposition: 'not-interested'
      },
      retention.script
    )
    expect(report.items.filter((i) => !i.passed).map((i) => i.kind)).toEqual([
      'offer',
      'disposition'
    ])
  })
})
