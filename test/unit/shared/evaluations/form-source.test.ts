import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { checkFormSource } from '@shared/evaluations/form-source'
import { questionsOf } from '@shared/evaluations/form-schema'
import { evaluationDimensions } from '@shared/evaluations/dimensions'

const seeded = readFileSync('resources/evaluation-forms/service-quality.yaml', 'utf8')

/** A small valid form; each broken case below changes one thing. */
const base = `id: small
kind: quality
title: { es: Pequeño, en: Small }
passMark: 80
sections:
  - id: s
    title: { es: S, en: S }
    questions:
      - id: greet
        kind: yes_no
        weight: 2
        text: { es: Saluda, en: Greets }
      - id: tone
        kind: scale
        scale: { min: 1, max: 5 }
        weight: 3
        text: { es: Tono, en: Tone }
`

const codes = (text: string) =>
  checkFormSource(text).issues.map((i) => `${String(i.line)}:${i.code}:${i.questionId ?? ''}`)

describe('checking an evaluation form source', () => {
  it('accepts the seeded service-quality form: every checklist dimension and the adherence part', () => {
    const checked = checkFormSource(seeded)
    expect(checked.issues).toEqual([])
    const form = checked.form
    if (!form) throw new Error('no form')
    expect(new Set(form.sections.flatMap((s) => s.dimension ?? []))).toEqual(
      new Set(evaluationDimensions)
    )
    const autofilled = questionsOf(form).flatMap(({ question }) => question.autofill ?? [])
    expect(autofilled.sort()).toEqual(['mandatory_steps', 'offers_made', 'script_completed'])
    expect(questionsOf(form).some(({ question }) => question.critical === 'evaluation')).toBe(true)
    expect(questionsOf(form).some(({ question }) => question.showIf !== undefined)).toBe(true)
  })

  it('accepts the small form', () => {
    expect(codes(base)).toEqual([])
  })

  it('puts a YAML syntax error on its line', () => {
    expect(codes(base.replace('weight: 3', 'weight: [3'))).toEqual([
      expect.stringMatching(/^1[6-9]:syntax:$/)
    ])
  })

  it('names a shape error with the question and its line', () => {
    expect(codes(base.replace('kind: scale', 'kind: slider'))).toEqual(['14:schema:tone'])
  })

  it('finds duplicate question ids', () => {
    expect(codes(base.replace('id: tone', 'id: greet'))).toEqual(['13:duplicate_id:greet'])
  })

  it('finds a scale without its scale and a yes/no with one', () => {
    expect(codes(base.replace('        scale: { min: 1, max: 5 }\n', ''))).toEqual([
      '13:kind_mismatch:tone'
    ])
  })

  it('refuses a critical scale and a critical choice without a failing option', () => {
    expect(
      codes(base.replace('        weight: 3\n', '        weight: 3\n        critical: section\n'))
    ).toEqual(['17:bad_critical:tone'])
  })

  it('refuses a condition on a later question or on a value it cannot take', () => {
    const later = base.replace(
      '        text: { es: Saluda, en: Greets }\n',
      '        text: { es: Saluda, en: Greets }\n        showIf: { question: tone, in: [3] }\n'
    )
    expect(codes(later)).toEqual(['13:bad_condition:greet'])
    const impossible = base.replace(
      '        text: { es: Tono, en: Tone }\n',
      "        text: { es: Tono, en: Tone }\n        showIf: { question: greet, in: ['maybe'] }\n"
    )
    expect(codes(impossible)).toEqual(['18:bad_condition:tone'])
  })

  it('refuses autofill on anything but yes/no', () => {
    expect(
      codes(
        base.replace('        weight: 3\n', '        weight: 3\n        autofill: offers_made\n')
      )
    ).toEqual(['17:bad_autofill:tone'])
  })

  it('wants both languages and some points', () => {
    expect(codes(base.replace('{ es: Tono, en: Tone }', '{ es: Tono }'))).toEqual([
      '17:missing_translation:tone'
    ])
    expect(codes(base.replace('weight: 2', 'weight: 0').replace('weight: 3', 'weight: 0'))).toEqual(
      ['1:no_points:']
    )
  })

  it('refuses control characters where they stand', () => {
    expect(codes(base.replace('Saluda', '"Sal\\u0007uda"'))).toEqual(['12:schema:greet'])
  })
})
