/**
 * Checks an agent's answer against the question's type before it enters the run, so branches
 * and the run record only ever see values the question can produce.
 */
import { z } from 'zod'

import type { AnswerValue } from './run-state'
import type { AnswerSpec } from './schema'

const isoDate = z.iso.date()

/** Null when `value` fits `spec`, else why not. */
export function checkAnswer(spec: AnswerSpec, value: AnswerValue): string | null {
  switch (spec.type) {
    case 'choice':
      return spec.options.some((o) => o.value === value)
        ? null
        : `"${String(value)}" is not one of ${spec.options.map((o) => o.value).join(', ')}`
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'a yes/no answer is true or false'
    case 'text': {
      if (typeof value !== 'string' || value.trim() === '') return 'a text answer is non-empty text'
      const max = spec.maxLength ?? 4000
      return value.length > max ? `a text answer is at most ${max} characters` : null
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'a number answer is a number'
      if (spec.integer === true && !Number.isInteger(value)) return 'a whole number is expected'
      if (spec.min !== undefined && value < spec.min) return `the minimum is ${spec.min}`
      if (spec.max !== undefined && value > spec.max) return `the maximum is ${spec.max}`
      return null
    case 'date':
      return typeof value === 'string' && isoDate.safeParse(value).success
        ? null
        : 'a date answer is YYYY-MM-DD'
    case 'rating': {
      const [min, max] = ratingBounds(spec.scale)
      return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
        ? null
        : `a rating is a whole number from ${min} to ${max}`
    }
  }
}

/** The lowest and highest value of a rating scale. */
export function ratingBounds(scale: '1-5' | '0-10'): [number, number] {
  return scale === '1-5' ? [1, 5] : [0, 10]
}
