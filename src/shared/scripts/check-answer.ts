/**
 * Checks an agent's answer against the question's type before it enters the run, so branches
 * and the run record only ever see values the question can produce.
 */
import { z } from 'zod'

import type { AnswerValue } from './run-state'
import type { AnswerSpec } from './schema'

const isoDate = z.iso.date()

type NoParams = Readonly<Record<string, never>>

/** Why an answer does not fit its question, with the values the reason names. */
export type AnswerProblem =
  | { key: 'notAnOption'; params: { value: string; options: string } }
  | { key: 'notYesNo'; params: NoParams }
  | { key: 'emptyText'; params: NoParams }
  | { key: 'textTooLong'; params: { max: number } }
  | { key: 'notANumber'; params: NoParams }
  | { key: 'notWhole'; params: NoParams }
  | { key: 'belowMin'; params: { min: number } }
  | { key: 'aboveMax'; params: { max: number } }
  | { key: 'notADate'; params: NoParams }
  | { key: 'badRating'; params: { min: number; max: number } }

/** Every kind of answer problem with the values it names (for the translations to cover). */
export const answerProblemParams = {
  notAnOption: ['value', 'options'],
  notYesNo: [],
  emptyText: [],
  textTooLong: ['max'],
  notANumber: [],
  notWhole: [],
  belowMin: ['min'],
  aboveMax: ['max'],
  notADate: [],
  badRating: ['min', 'max']
} as const satisfies Record<AnswerProblem['key'], readonly string[]>

const none: NoParams = {}

/** Null when `value` fits `spec`, else why not (as a key and its values). */
export function answerProblem(spec: AnswerSpec, value: AnswerValue): AnswerProblem | null {
  switch (spec.type) {
    case 'choice':
      return spec.options.some((o) => o.value === value)
        ? null
        : {
            key: 'notAnOption',
            params: { value: String(value), options: spec.options.map((o) => o.value).join(', ') }
          }
    case 'yes_no':
      return typeof value === 'boolean' ? null : { key: 'notYesNo', params: none }
    case 'text': {
      if (typeof value !== 'string' || value.trim() === '')
        return { key: 'emptyText', params: none }
      const max = spec.maxLength ?? 4000
      return value.length > max ? { key: 'textTooLong', params: { max } } : null
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return { key: 'notANumber', params: none }
      }
      if (spec.integer === true && !Number.isInteger(value))
        return { key: 'notWhole', params: none }
      if (spec.min !== undefined && value < spec.min) {
        return { key: 'belowMin', params: { min: spec.min } }
      }
      if (spec.max !== undefined && value > spec.max) {
        return { key: 'aboveMax', params: { max: spec.max } }
      }
      return null
    case 'date':
      return typeof value === 'string' && isoDate.safeParse(value).success
        ? null
        : { key: 'notADate', params: none }
    case 'rating': {
      const [min, max] = ratingBounds(spec.scale)
      return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
        ? null
        : { key: 'badRating', params: { min, max } }
    }
  }
}

/** A problem in English words (the run's errors, the CLI). */
export function describeAnswerProblem(problem: AnswerProblem): string {
  switch (problem.key) {
    case 'notAnOption':
      return `"${problem.params.value}" is not one of ${problem.params.options}`
    case 'notYesNo':
      return 'a yes/no answer is true or false'
    case 'emptyText':
      return 'a text answer is non-empty text'
    case 'textTooLong':
      return `a text answer is at most ${String(problem.params.max)} characters`
    case 'notANumber':
      return 'a number answer is a number'
    case 'notWhole':
      return 'a whole number is expected'
    case 'belowMin':
      return `the minimum is ${String(problem.params.min)}`
    case 'aboveMax':
      return `the maximum is ${String(problem.params.max)}`
    case 'notADate':
      return 'a date answer is YYYY-MM-DD'
    case 'badRating':
      return `a rating is a whole number from ${String(problem.params.min)} to ${String(problem.params.max)}`
  }
}

/** Null when `value` fits `spec`, else why not. */
export function checkAnswer(spec: AnswerSpec, value: AnswerValue): string | null {
  const problem = answerProblem(spec, value)
  return problem ? describeAnswerProblem(problem) : null
}

/** The lowest and highest value of a rating scale. */
export function ratingBounds(scale: '1-5' | '0-10'): [number, number] {
  return scale === '1-5' ? [1, 5] : [0, 10]
}
