/**
 * Reading a run's values: answers from the path (only steps still on it count, so going back
 * forgets what was undone) and variables for templates.
 */
import type { Language } from '../domain/customer'
import type { ConditionInput } from './evaluate-condition'
import { customerValue, type RunContext } from './run-context'
import type { AnswerValue, PathStep } from './run-state'
import { findNode, type Script } from './schema'
import { yesNoWord, type VariableLookup } from './template'

/** The latest answer given at `nodeId` on the path. */
export function answerOf(path: readonly PathStep[], nodeId: string): AnswerValue | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i]
    if (step?.nodeId === nodeId && step.answer !== undefined) return step.answer
  }
  return undefined
}

/** How an answer reads in a sentence: a choice shows its label, yes/no a word. */
export function answerText(
  script: Script,
  nodeId: string,
  value: AnswerValue,
  language: Language
): string {
  const node = findNode(script, nodeId)
  if (node?.kind === 'ask' && node.answer.type === 'choice') {
    const option = node.answer.options.find((o) => o.value === value)
    if (option) return option.label[language] ?? option.label.es ?? option.label.en ?? ''
  }
  return typeof value === 'boolean' ? yesNoWord(value, language) : String(value)
}

/** Variable values for templates, at a given point of the run. */
export function variableLookup(
  script: Script,
  path: readonly PathStep[],
  context: RunContext
): VariableLookup {
  return (ref) => {
    if (ref.kind === 'answer') {
      const value = answerOf(path, ref.nodeId)
      return value === undefined
        ? undefined
        : answerText(script, ref.nodeId, value, context.language)
    }
    if (ref.kind === 'customer') {
      const value = customerValue(context.customer, ref.field)
      if (value === undefined) return undefined
      return typeof value === 'boolean' ? yesNoWord(value, context.language) : String(value)
    }
    return undefined
  }
}

/** Inputs for branch conditions at a given point of the run. */
export function conditionInput(path: readonly PathStep[], context: RunContext): ConditionInput {
  return { answer: (nodeId) => answerOf(path, nodeId), context }
}
