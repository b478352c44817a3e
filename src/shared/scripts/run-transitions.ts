/**
 * One handler per run event, each a pure function from state to the next state plus the effects
 * it emitted. interpreter.ts checks the run is open and logs the event; these check the rest.
 */
import { checkAnswer } from './check-answer'
import { enterNode } from './enter-node'
import { isOfferAnswer, offerAnswers, offeredProduct } from './offer-step'
import type { RunContext } from './run-context'
import { failed, type Step } from './run-result'
import {
  currentStep,
  type AnswerValue,
  type EmittedEffect,
  type PathStep,
  type RunEvent,
  type RunState
} from './run-state'
import { closeBlockers, previousStepIndex } from './run-view'
import { findNode, type Script } from './schema'

export type Transition = Step<{ state: RunState; effects: EmittedEffect[] }>

/** The next state for `event`; see interpreter.ts for the state machine. */
export function transition(
  script: Script,
  state: RunState,
  event: RunEvent,
  context: RunContext
): Transition {
  const at = context.now.toISOString()
  switch (event.type) {
    case 'answer':
      return answer(script, state, event.value, at)
    case 'chooseOption':
      return chooseOption(script, state, event.index, context)
    case 'next':
      return next(script, state, context)
    case 'back':
      return back(script, state)
    case 'confirm':
      return confirm(script, state, event.nodeId ?? currentStep(state).nodeId, at)
    case 'jump':
      return jump(script, state, event.jumpId, context)
    case 'returnFromJump':
      return returnFromJump(state, at)
    case 'close':
      return close(script, state, at)
    case 'abandon':
      return unchanged({
        ...state,
        status: 'abandoned',
        closedAt: at,
        ...(event.reason === undefined ? {} : { abandonReason: event.reason })
      })
  }
}

const unchanged = (state: RunState): Transition => ({ ok: true, data: { state, effects: [] } })

function replaceTop(state: RunState, step: PathStep): RunState {
  return { ...state, path: [...state.path.slice(0, -1), step] }
}

function answer(script: Script, state: RunState, value: AnswerValue, at: string): Transition {
  const step = currentStep(state)
  const node = findNode(script, step.nodeId)
  if (offeredProduct(script, state, step) !== null) {
    if (!isOfferAnswer(value)) {
      return failed('invalid_answer', `answer ${offerAnswers.join(' or ')}`, step.nodeId)
    }
    return unchanged(replaceTop(state, { ...step, answer: value, answeredAt: at }))
  }
  if (node?.kind !== 'ask')
    return failed('not_an_ask', 'the current step asks nothing', step.nodeId)
  const problem = checkAnswer(node.answer, value)
  if (problem) return failed('invalid_answer', problem, node.id)
  return unchanged(replaceTop(state, { ...step, answer: value, answeredAt: at }))
}

/** What the keys 1, 2, … pick on the current step (empty where nothing is asked). */
function optionValues(script: Script, state: RunState): readonly AnswerValue[] {
  const step = currentStep(state)
  if (offeredProduct(script, state, step) !== null) return offerAnswers
  const node = findNode(script, step.nodeId)
  if (node?.kind !== 'ask') return []
  const spec = node.answer
  if (spec.type === 'choice') return spec.options.map((o) => o.value)
  return spec.type === 'yes_no' ? [true, false] : []
}

function chooseOption(
  script: Script,
  state: RunState,
  index: number,
  context: RunContext
): Transition {
  const step = currentStep(state)
  const node = findNode(script, step.nodeId)
  const offering = offeredProduct(script, state, step) !== null
  if (node?.kind !== 'ask' && !offering)
    return failed('not_an_ask', 'the current step asks nothing', step.nodeId)
  const value = optionValues(script, state)[index - 1]
  if (value === undefined) {
    return failed('invalid_option', `option ${index} does not exist on this step`, step.nodeId)
  }
  const answered = answer(script, state, value, context.now.toISOString())
  return answered.ok ? next(script, answered.data.state, context) : answered
}

function next(script: Script, state: RunState, context: RunContext): Transition {
  const step = currentStep(state)
  const node = findNode(script, step.nodeId)
  if (!node) return failed('broken_script', `node "${step.nodeId}" does not exist`, step.nodeId)
  if (node.kind === 'end') return failed('at_end', 'the script has ended; close the run', node.id)
  let target: string | undefined
  let via: PathStep['via'] = 'next'
  if (node.kind === 'ask') {
    if (step.answer === undefined && node.optional !== true) {
      return failed('answer_required', 'answer the question first', node.id)
    }
    if (node.answer.type === 'choice') {
      const option = node.answer.options.find((o) => o.value === step.answer)
      if (option?.next !== undefined) {
        target = option.next
        via = 'option'
      }
    }
  }
  if (target === undefined && node.kind !== 'branch') target = node.next
  if (target === undefined) {
    if (step.jumps.length > 0) return returnFromJump(state, context.now.toISOString())
    return failed('dead_end', 'this step leads nowhere', node.id)
  }
  return enterNode(script, state, target, via, step.jumps, context)
}

function back(script: Script, state: RunState): Transition {
  const index = previousStepIndex(script, state)
  if (index < 0) return failed('no_history', 'this is the first step', currentStep(state).nodeId)
  return unchanged({ ...state, path: state.path.slice(0, index + 1) })
}

function confirm(script: Script, state: RunState, nodeId: string, at: string): Transition {
  const node = findNode(script, nodeId)
  if (node?.kind !== 'say' || node.mandatory !== true) {
    return failed('not_mandatory', `"${nodeId}" is not a mandatory step`, nodeId)
  }
  if (!state.path.some((s) => s.nodeId === nodeId)) {
    return failed('not_on_path', `"${nodeId}" has not been reached`, nodeId)
  }
  if (state.confirmations.some((c) => c.nodeId === nodeId)) return unchanged(state)
  return unchanged({ ...state, confirmations: [...state.confirmations, { nodeId, at }] })
}

function jump(script: Script, state: RunState, jumpId: string, context: RunContext): Transition {
  const target = (script.jumps ?? []).find((j) => j.id === jumpId)
  if (!target) return failed('unknown_jump', `the script has no jump "${jumpId}"`)
  const step = currentStep(state)
  if (step.jumps.some((j) => j.jumpId === jumpId)) {
    return failed('jump_active', `already in "${jumpId}"; return from it first`, step.nodeId)
  }
  const frames = [...step.jumps, { jumpId, returnTo: step.nodeId }]
  return enterNode(script, state, target.start, 'jump', frames, context)
}

function returnFromJump(state: RunState, at: string): Transition {
  const step = currentStep(state)
  const frame = step.jumps[step.jumps.length - 1]
  if (!frame) return failed('not_in_jump', 'the agent is not in a jump', step.nodeId)
  // Resume the step the jump was taken from, as it was: its answer comes back with it.
  const before = state.path.findLast(
    (s) => s.nodeId === frame.returnTo && s.jumps.length < step.jumps.length
  )
  const resumed: PathStep = {
    nodeId: frame.returnTo,
    enteredAt: at,
    via: 'return',
    jumps: step.jumps.slice(0, -1)
  }
  if (before?.answer !== undefined) resumed.answer = before.answer
  if (before?.answeredAt !== undefined) resumed.answeredAt = before.answeredAt
  return unchanged({ ...state, path: [...state.path, resumed] })
}

function close(script: Script, state: RunState, at: string): Transition {
  const blockers = closeBlockers(script, state)
  if (blockers.length > 0) {
    const why = blockers.map((b) => ('nodeId' in b ? `${b.code} (${b.nodeId})` : b.code))
    return failed('cannot_close', `the run cannot be closed: ${why.join(', ')}`)
  }
  const node = findNode(script, currentStep(state).nodeId)
  const outcome = node?.kind === 'end' ? node.outcome : ''
  const effect: EmittedEffect = {
    id: `fx-${state.effects.length + 1}`,
    key: 'close',
    at,
    effect: { type: 'set_disposition', code: outcome }
  }
  return {
    ok: true,
    data: {
      state: {
        ...state,
        status: 'closed',
        closedAt: at,
        outcome,
        effects: [...state.effects, effect]
      },
      effects: [effect]
    }
  }
}
