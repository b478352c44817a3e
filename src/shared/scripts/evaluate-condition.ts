/**
 * Evaluates branch conditions. A comparison with a missing value (unanswered question, unknown
 * caller) is false, except `missing` and `ne`/`not_in`, which hold: "not billing" is true of a
 * customer who has not said anything yet. Values of different types never compare equal.
 */
import type { ComparisonOp, Condition, Operand, Scalar } from './condition-schema'
import { customerValue, minutesOfDay, parseHhmm, type RunContext } from './run-context'

export interface ConditionInput {
  answer: (nodeId: string) => Scalar | undefined
  context: RunContext
}

/** Compares a value (undefined when absent) with an operand under `op`. */
export function compare(actual: Scalar | undefined, op: ComparisonOp, operand?: Operand): boolean {
  if (op === 'exists') return actual !== undefined && actual !== ''
  if (op === 'missing') return actual === undefined || actual === ''
  const list = Array.isArray(operand) ? operand : operand === undefined ? [] : [operand]
  const equalsAny = actual !== undefined && list.some((v) => v === actual)
  switch (op) {
    case 'eq':
    case 'in':
      return equalsAny
    case 'ne':
    case 'not_in':
      return !equalsAny
    default: {
      const [bound] = list
      if (actual === undefined || bound === undefined || typeof actual !== typeof bound) {
        return false
      }
      // Same-type strings compare lexically, which orders ISO dates correctly.
      if (op === 'gt') return actual > bound
      if (op === 'gte') return actual >= bound
      if (op === 'lt') return actual < bound
      return actual <= bound
    }
  }
}

/** Whether `minutes` falls in [from, to); a range with from > to wraps past midnight. */
export function inTimeRange(minutes: number, from: string, to: string): boolean {
  const start = parseHhmm(from)
  const end = parseHhmm(to)
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end
}

/** Evaluates `condition`; an unknown time zone makes time-of-day conditions false. */
export function evaluateCondition(condition: Condition, input: ConditionInput): boolean {
  if ('answer' in condition) {
    return compare(input.answer(condition.answer), condition.op, condition.value)
  }
  if ('customer' in condition) {
    return compare(
      customerValue(input.context.customer, condition.customer),
      condition.op,
      condition.value
    )
  }
  if ('tier' in condition) {
    const tier = input.context.customer?.tier
    return tier !== undefined && condition.tier.includes(tier)
  }
  if ('language' in condition) return condition.language === input.context.language
  if ('timeOfDay' in condition) {
    const minutes = minutesOfDay(input.context.now, input.context.timeZone)
    return (
      minutes !== null && inTimeRange(minutes, condition.timeOfDay.from, condition.timeOfDay.to)
    )
  }
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, input))
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, input))
  return !evaluateCondition(condition.not, input)
}
