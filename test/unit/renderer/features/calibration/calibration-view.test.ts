/**
 * Calibration's rules as pure functions: which calls are calibrated, the default reference, the
 * blind rule (nobody sees the others' scores before submitting their own, except the reference's
 * author and an admin not scoring), and what each evaluation is compared as.
 */
import { describe, expect, it } from 'vitest'

import {
  blindReason,
  calibrationCalls,
  compareCall,
  defaultReferenceId
} from '@renderer/features/calibration/calibration-view'

import { ADMIN, CARLA, LUIS, MARTA, evaluation, form, threeEvaluators } from './fixtures'

describe('calibrated calls', () => {
  it('are the calls with more than one evaluation, the latest touched first', () => {
    const lone = evaluation({ id: 'lone', callId: 'call-2', updatedAt: '2026-12-05T00:00:00Z' })
    const other = [
      evaluation({ id: 'x1', callId: 'call-3', updatedAt: '2026-12-04T00:00:00Z' }),
      evaluation({ id: 'x2', callId: 'call-3', evaluatorId: LUIS, calibration: true })
    ]
    const calls = calibrationCalls([...threeEvaluators(), lone, ...other])
    expect(calls.map((c) => [c.callId, c.evaluations.length])).toEqual([
      ['call-3', 2],
      ['call-1', 3]
    ])
    expect(calls[1]?.evaluations.map((e) => e.id)).toEqual(['e-carla', 'e-luis', 'e-marta'])
  })

  it('take the non-calibration evaluation as the reference by default', () => {
    expect(defaultReferenceId(threeEvaluators())).toBe('e-carla')
    // Every one a calibration evaluation: the first scored leads.
    const allCalibration = threeEvaluators().map((e) => ({ ...e, calibration: true }))
    expect(defaultReferenceId(allCalibration)).toBe('e-carla')
  })
})

describe('the blind rule', () => {
  const evaluations = threeEvaluators()

  it('hides the others’ scores from an evaluator whose own is still a draft', () => {
    expect(blindReason({ id: MARTA, role: 'team_lead' }, evaluations, 'e-carla')).toBe('own_draft')
    const seen = compareCall(form, evaluations, 'e-carla', { id: MARTA, role: 'team_lead' })
    expect(seen.rows.map((r) => r.status)).toEqual(['hidden', 'hidden', 'own'])
    expect(seen.differentQuestions).toEqual([])
  })

  it('hides them from a lead who has not scored the call at all', () => {
    const someone = '66666666-6666-4666-8666-666666666666'
    expect(blindReason({ id: someone, role: 'team_lead' }, evaluations, 'e-carla')).toBe(
      'not_scored'
    )
  })

  it('shows them once submitted, to the reference’s author, and to an admin not scoring', () => {
    expect(blindReason({ id: LUIS, role: 'team_lead' }, evaluations, 'e-carla')).toBeNull()
    expect(blindReason({ id: CARLA, role: 'team_lead' }, evaluations, 'e-carla')).toBeNull()
    expect(blindReason({ id: ADMIN, role: 'admin' }, evaluations, 'e-carla')).toBeNull()
    // The author of a reference that is a draft sees everything too: it is their reference.
    expect(blindReason({ id: MARTA, role: 'team_lead' }, evaluations, 'e-marta')).toBeNull()
  })
})

describe('the comparison', () => {
  it('compares the same form version with the shared deviation; others say why not', () => {
    const evaluations = [
      ...threeEvaluators(),
      evaluation({
        id: 'e-v2',
        evaluatorId: ADMIN,
        evaluatorName: 'Admin',
        formVersion: 2,
        calibration: true
      })
    ]
    const seen = compareCall(form, evaluations, 'e-carla', { id: LUIS, role: 'team_lead' })
    expect(seen.rows.map((r) => r.status)).toEqual([
      'reference',
      'compared',
      'draft',
      'other_version'
    ])
    const luis = seen.rows[1]
    expect(luis?.status === 'compared' && luis.deviation).toEqual({
      // Reference 14/14 = 100 %; Luis: greets no (0/5), tone 4 (3.75/5), listens yes (4/4).
      percentDelta: -44.6,
      criticalDiffers: true,
      sections: [
        { sectionId: 'courtesy', delta: -62.5 },
        { sectionId: 'empathy', delta: 0 }
      ],
      differentAnswers: ['greets', 'tone']
    })
    expect(seen.differentQuestions).toEqual(['greets', 'tone'])
  })

  it('compares nothing without the reference’s form version on this desk', () => {
    const seen = compareCall(null, threeEvaluators(), 'e-carla', { id: LUIS, role: 'team_lead' })
    expect(seen.rows.map((r) => r.status)).toEqual(['reference', 'no_form', 'draft'])
  })
})
