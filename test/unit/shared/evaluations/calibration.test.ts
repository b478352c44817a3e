import { describe, expect, it } from 'vitest'

import { calibrationDeviation } from '@shared/evaluations/calibration'
import { answer, form, na } from './form-fixtures'

const reference = [
  answer('greet', 'yes'),
  answer('tone', 5),
  answer('identity', 'yes'),
  answer('resolution', 'full')
]

describe('calibration deviation', () => {
  it('is zero against itself', () => {
    expect(calibrationDeviation(form(), reference, reference)).toEqual({
      percentDelta: 0,
      criticalDiffers: false,
      sections: [
        { sectionId: 'a', delta: 0 },
        { sectionId: 'b', delta: 0 }
      ],
      differentAnswers: []
    })
  })

  it('gives points of percentage overall and per section, and the questions that split them', () => {
    const harsher = [
      answer('greet', 'yes'),
      answer('tone', 3),
      answer('identity', 'no', { comment: 'x' }),
      na('resolution')
    ]
    const d = calibrationDeviation(form(), reference, harsher)
    // harsher: 4 + 2 + 0 of 10 = 60 %; reference 100 %
    expect(d.percentDelta).toBe(-40)
    expect(d.criticalDiffers).toBe(true)
    expect(d.sections).toEqual([
      { sectionId: 'a', delta: -25 },
      { sectionId: 'b', delta: -100 }
    ])
    expect(d.differentAnswers).toEqual(['tone', 'identity', 'resolution'])
  })
})
