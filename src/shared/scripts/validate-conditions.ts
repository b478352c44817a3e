/**
 * Branch conditions that can never hold: a value the question cannot produce (a choice value
 * that is not an option, "maybe" for a yes/no, 11 on a 0–10 rating), a bound outside a number's
 * range, a customer field compared with the wrong type, an empty time range.
 */
import { z } from 'zod'

import { languages, valueTiers } from '../domain/customer'
import { ratingBounds } from './check-answer'
import {
  customerFieldTypes,
  presenceOps,
  type ComparisonOp,
  type Condition,
  type Operand,
  type Scalar
} from './condition-schema'
import { issue, type DocPath, type ScriptIssue } from './issues'
import type { AskNode } from './schema'

const isoDate = z.iso.date()
const ordered: readonly ComparisonOp[] = ['gt', 'gte', 'lt', 'lte']

/** What is wrong with comparing an answer of type `spec` under `op` with `operand`, if anything. */
export function answerOperandProblem(
  spec: AskNode['answer'],
  op: ComparisonOp,
  operand: Operand | undefined
): string | null {
  if (presenceOps.includes(op) || operand === undefined) return null
  const values: Scalar[] = Array.isArray(operand) ? operand : [operand]
  switch (spec.type) {
    case 'choice': {
      if (ordered.includes(op)) return 'choice answers have no order'
      const known = spec.options.map((o) => o.value)
      const bad = values.find((v) => typeof v !== 'string' || !known.includes(v))
      return bad === undefined
        ? null
        : `${JSON.stringify(bad)} is not an option (${known.join(', ')})`
    }
    case 'yes_no':
      if (ordered.includes(op)) return 'yes/no answers have no order'
      return values.every((v) => typeof v === 'boolean')
        ? null
        : 'a yes/no answer is only ever true or false'
    case 'text':
      return values.every((v) => typeof v === 'string') ? null : 'a text answer is only ever text'
    case 'date':
      return values.every((v) => typeof v === 'string' && isoDate.safeParse(v).success)
        ? null
        : 'a date answer is compared with YYYY-MM-DD dates'
    case 'number':
      return rangeProblem(values, op, spec.min, spec.max, spec.integer === true)
    case 'rating': {
      const [min, max] = ratingBounds(spec.scale)
      return rangeProblem(values, op, min, max, true)
    }
  }
}

function rangeProblem(
  values: Scalar[],
  op: ComparisonOp,
  min: number | undefined,
  max: number | undefined,
  integer: boolean
): string | null {
  const numbers = values.filter((v) => typeof v === 'number')
  if (numbers.length !== values.length) return 'a number answer is only ever a number'
  const lo = min ?? -Infinity
  const hi = max ?? Infinity
  const range = `${min ?? '-∞'}..${max ?? '∞'}`
  const [bound = 0] = numbers
  if (op === 'gt' && bound >= hi) return `no answer in ${range} is greater than ${bound}`
  if (op === 'gte' && bound > hi) return `no answer in ${range} is ${bound} or more`
  if (op === 'lt' && bound <= lo) return `no answer in ${range} is less than ${bound}`
  if (op === 'lte' && bound < lo) return `no answer in ${range} is ${bound} or less`
  if (ordered.includes(op)) return null
  const bad = numbers.find((v) => v < lo || v > hi || (integer && !Number.isInteger(v)))
  return bad === undefined
    ? null
    : `${bad} is never an answer (${range}${integer ? ', whole' : ''})`
}

function customerOperandProblem(
  field: keyof typeof customerFieldTypes,
  op: ComparisonOp,
  operand: Operand | undefined
): string | null {
  if (presenceOps.includes(op) || operand === undefined) return null
  const values: Scalar[] = Array.isArray(operand) ? operand : [operand]
  const type = customerFieldTypes[field]
  const allowed: readonly string[] | null =
    type === 'language' ? languages : type === 'tier' ? valueTiers : null
  if (allowed) {
    if (ordered.includes(op)) return `customer.${field} has no order`
    const bad = values.find((v) => typeof v !== 'string' || !allowed.includes(v))
    return bad === undefined ? null : `customer.${field} is never ${JSON.stringify(bad)}`
  }
  const wanted = type
  if (wanted === 'boolean' && ordered.includes(op)) return `customer.${field} has no order`
  return values.every((v) => typeof v === wanted) ? null : `customer.${field} is a ${wanted}`
}

/** Callbacks the condition walker needs from the validator. */
export interface ConditionScope {
  nodeId: string
  /** The ask node an answer condition reads, or an issue explaining why it cannot. */
  askFor: (answerId: string, path: DocPath) => AskNode | ScriptIssue
}

/** Issues in one condition tree rooted at `path`. */
export function conditionIssues(
  condition: Condition,
  path: DocPath,
  scope: ConditionScope
): ScriptIssue[] {
  const problem = (message: string): ScriptIssue[] => [
    issue('impossible_condition', message, scope.nodeId, path)
  ]
  if ('answer' in condition) {
    const ask = scope.askFor(condition.answer, [...path, 'answer'])
    if ('code' in ask) return [ask]
    const why = answerOperandProblem(ask.answer, condition.op, condition.value)
    return why ? problem(`answers.${condition.answer}: ${why}`) : []
  }
  if ('customer' in condition) {
    const why = customerOperandProblem(condition.customer, condition.op, condition.value)
    return why ? problem(why) : []
  }
  if ('timeOfDay' in condition) {
    return condition.timeOfDay.from === condition.timeOfDay.to
      ? problem('the time range is empty (from equals to)')
      : []
  }
  if ('all' in condition) {
    return condition.all.flatMap((c, i) => conditionIssues(c, [...path, 'all', i], scope))
  }
  if ('any' in condition) {
    return condition.any.flatMap((c, i) => conditionIssues(c, [...path, 'any', i], scope))
  }
  if ('not' in condition) return conditionIssues(condition.not, [...path, 'not'], scope)
  return []
}
