/**
 * What the simulated customer has said along the trainee's path: the run's path (each step
 * entered, how, and the answer recorded on it) read as the runner's events and folded through
 * {@link customerTurn}. Rebuilt from the run state alone, so it survives a restart and a step
 * undone with "back" takes its lines with it; the same path always gives the same lines.
 */
import type { RunState } from '../scripts/run-state'
import {
  customerTurn,
  initialCustomerState,
  type CustomerContext,
  type CustomerReaction,
  type PracticeEvent
} from './customer-turns'

export interface TranscriptEntry {
  nodeId: string
  lines: string[]
  reactions: CustomerReaction[]
}

/** The runner's events behind the path, step by step, with the node each belongs to. */
export function pathEvents(
  context: CustomerContext,
  state: RunState
): { nodeId: string; event: PracticeEvent }[] {
  const events: { nodeId: string; event: PracticeEvent }[] = []
  for (const step of state.path) {
    const nodeId = step.nodeId
    if (step.via === 'jump') {
      const jump = step.jumps[step.jumps.length - 1]
      if (jump) events.push({ nodeId, event: { type: 'jumped', jumpId: jump.jumpId } })
    }
    if (step.via === 'return') events.push({ nodeId, event: { type: 'returned' } })
    events.push({ nodeId, event: { type: 'entered', nodeId } })
    // The customer answers an offer as soon as it is made: the trainee reads it on that step.
    if (context.scenario.customer.turns.some((t) => t.node === nodeId && t.offer)) {
      events.push({ nodeId, event: { type: 'offered', nodeId, product: null } })
    }
    if (step.answer !== undefined) {
      events.push({ nodeId, event: { type: 'answered', nodeId, value: step.answer } })
    }
  }
  return events
}

/** The customer's lines so far, grouped by the step that prompted them (silent steps left out). */
export function practiceTranscript(context: CustomerContext, state: RunState): TranscriptEntry[] {
  const entries: TranscriptEntry[] = []
  let customer = initialCustomerState()
  for (const { nodeId, event } of pathEvents(context, state)) {
    const turn = customerTurn(context, customer, event)
    customer = turn.state
    if (turn.lines.length === 0) continue
    const last = entries[entries.length - 1]
    if (last?.nodeId === nodeId) {
      last.lines.push(...turn.lines)
      last.reactions.push(...turn.reactions)
    } else entries.push({ nodeId, lines: [...turn.lines], reactions: [...turn.reactions] })
  }
  return entries
}
