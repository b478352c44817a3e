import { describe, expect, it } from 'vitest'

import { incompleteAnswers, scoreEvaluation, visibleQuestions } from '@shared/evaluations/scoring'
import { answer, form, na } from './form-fixtures'

const t = (es: string) => ({ es, en: es })

describe('scoring an evaluation', () => {
  it('is weighted points earned over points possible, a scale in proportion, a choice its share', () => {
    const score = scoreEvaluation(form(), [
      answer('greet', 'yes'),
      answer('tone', 4),
      answer('identity', 'yes'),
      answer('resolution', 'half')
    ])
    // 4 + 4·(3/4) + 2 + 10·0.5 = 14 of 20
    expect(score.earned).toBe(14)
    expect(score.possible).toBe(20)
    expect(score.percent).toBe(70)
    expect(score.passed).toBe(false)
    expect(score.sections.map((s) => s.percent)).toEqual([87.5, 58.3])
  })

  it('counts not applicable neither way', () => {
    const score = scoreEvaluation(form(), [
      answer('greet', 'yes'),
      answer('tone', 5),
      answer('identity', 'yes'),
      na('resolution')
    ])
    expect(score.possible).toBe(10)
    expect(score.percent).toBe(100)
    expect(score.passed).toBe(true)
  })

  it('refuses n/a where the form does not allow it: the question still counts', () => {
    const score = scoreEvaluation(form(), [
      na('greet'),
      answer('tone', 5),
      answer('identity', 'yes')
    ])
    expect(score.questions.find((q) => q.questionId === 'greet')).toMatchObject({
      na: false,
      answered: false,
      possible: 4
    })
  })

  it('fails the whole evaluation on a failed evaluation-critical item, the percentage apart', () => {
    const score = scoreEvaluation(form(), [
      answer('greet', 'yes'),
      answer('tone', 5),
      answer('identity', 'no'),
      answer('resolution', 'full')
    ])
    expect(score.criticalFailed).toBe(true)
    expect(score.percent).toBe(90)
    expect(score.passed).toBe(false)
  })

  it('scores only the section 0 on a failed section-critical item', () => {
    const f = form({
      sections: [
        {
          id: 's',
          title: t('S'),
          questions: [
            { id: 'x', kind: 'yes_no', weight: 5, critical: 'section', text: t('X') },
            { id: 'y', kind: 'yes_no', weight: 5, text: t('Y') }
          ]
        },
        {
          id: 'r',
          title: t('R'),
          questions: [{ id: 'z', kind: 'yes_no', weight: 10, text: t('Z') }]
        }
      ]
    })
    const score = scoreEvaluation(f, [answer('x', 'no'), answer('y', 'yes'), answer('z', 'yes')])
    expect(score.sections[0]).toMatchObject({ failed: true, earned: 0, possible: 10, percent: 0 })
    expect(score.criticalFailed).toBe(false)
    expect(score.percent).toBe(50)
  })

  it('fails a critical choice only on an option marked to fail', () => {
    const f = form({
      sections: [
        {
          id: 's',
          title: t('S'),
          questions: [
            {
              id: 'c',
              kind: 'choice',
              weight: 4,
              critical: 'evaluation',
              text: t('C'),
              options: [
                { id: 'ok', score: 1, label: t('Bien') },
                { id: 'poor', score: 0, label: t('Flojo') },
                { id: 'breach', score: 0, fails: true, label: t('Incumple') }
              ]
            }
          ]
        }
      ]
    })
    expect(scoreEvaluation(f, [answer('c', 'poor')]).criticalFailed).toBe(false)
    expect(scoreEvaluation(f, [answer('c', 'breach')]).criticalFailed).toBe(true)
  })

  it('asks a conditional question only when its condition holds, and a hidden one counts neither way', () => {
    const f = form({
      sections: [
        {
          id: 's',
          title: t('S'),
          questions: [
            { id: 'upset', kind: 'yes_no', weight: 0, text: t('¿Molesto?') },
            {
              id: 'recovered',
              kind: 'yes_no',
              weight: 5,
              showIf: { question: 'upset', in: ['yes'] },
              text: t('¿Recuperó?')
            },
            {
              id: 'then',
              kind: 'yes_no',
              weight: 5,
              showIf: { question: 'recovered', in: ['no'] },
              text: t('¿Escaló?')
            },
            { id: 'close', kind: 'yes_no', weight: 5, text: t('Cierre') }
          ]
        }
      ]
    })
    const calm = [answer('upset', 'no'), answer('recovered', 'no'), answer('close', 'yes')]
    expect([...visibleQuestions(f, calm)]).toEqual(['upset', 'close'])
    expect(scoreEvaluation(f, calm).percent).toBe(100)
    const upset = [answer('upset', 'yes'), answer('recovered', 'no'), answer('close', 'yes')]
    expect([...visibleQuestions(f, upset)]).toEqual(['upset', 'recovered', 'then', 'close'])
    expect(scoreEvaluation(f, upset).percent).toBe(33.3)
  })

  it('counts an unanswered question as possible: a draft rises as it is answered', () => {
    expect(scoreEvaluation(form(), []).percent).toBe(0)
    expect(scoreEvaluation(form(), [answer('greet', 'yes')]).percent).toBe(20)
  })

  it('has no percentage when nothing counted (all not applicable)', () => {
    const f = form({
      sections: [
        {
          id: 's',
          title: t('S'),
          questions: [{ id: 'q', kind: 'yes_no', weight: 3, allowNa: true, text: t('Q') }]
        }
      ]
    })
    const score = scoreEvaluation(f, [na('q')])
    expect(score).toMatchObject({ possible: 0, percent: null, passed: false })
    expect(score.sections[0]?.percent).toBeNull()
  })
})

describe('what blocks a release', () => {
  it('names unanswered, invalid values, n/a not allowed and missing required comments', () => {
    const problems = incompleteAnswers(form(), [
      na('greet'),
      answer('tone', 9),
      answer('identity', 'no')
    ])
    expect(problems).toEqual([
      { questionId: 'greet', problem: 'na_not_allowed' },
      { questionId: 'tone', problem: 'invalid_value' },
      { questionId: 'identity', problem: 'comment_required' },
      { questionId: 'resolution', problem: 'unanswered' }
    ])
  })

  it('is empty for a complete evaluation; a comment satisfies when_lost', () => {
    expect(
      incompleteAnswers(form(), [
        answer('greet', 'yes'),
        answer('tone', 3),
        answer('identity', 'no', { comment: 'No pidió el DNI' }),
        na('resolution')
      ])
    ).toEqual([])
  })

  it('leaves a text question optional unless the form requires it', () => {
    const f = form({
      sections: [
        {
          id: 's',
          title: t('S'),
          questions: [
            { id: 'q', kind: 'yes_no', weight: 1, text: t('Q') },
            { id: 'notes', kind: 'text', weight: 0, text: t('Notas') },
            { id: 'must', kind: 'text', weight: 0, comment: 'required', text: t('Plan') }
          ]
        }
      ]
    })
    expect(incompleteAnswers(f, [answer('q', 'yes')])).toEqual([
      { questionId: 'must', problem: 'unanswered' }
    ])
  })
})
