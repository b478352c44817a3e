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

/** For each of {@link pathEvents}' events, the index of the path step it belongs to. */
function pathIndexes(context: CustomerContext, state: RunState): number[] {
  return pathEventsWithSteps(context, state).map((e) => e.step)
}

/** The runner's events behind the path, step by step, with the node each belongs to. */
export function pathEvents(
  context: CustomerContext,
  state: RunState
): { nodeId: string; event: PracticeEvent }[] {
  return pathEventsWithSteps(context, state).map(({ nodeId, event }) => ({ nodeId, event }))
}

type StepEvent = { nodeId: string; event: PracticeEvent; step: number }

function pathEventsWithSteps(context: CustomerContext, state: RunState): StepEvent[] {
  const events: StepEvent[] = []
  state.path.forEach((step, index) => {
    const nodeId = step.nodeId
    const push = (event: PracticeEvent) => events.push({ nodeId, event, step: index })
    if (step.via === 'jump') {
      const jump = step.jumps[step.jumps.length - 1]
      if (jump) push({ type: 'jumped', jumpId: jump.jumpId })
    }
    if (step.via === 'return') push({ type: 'returned' })
    push({ type: 'entered', nodeId })
    // The customer answers an offer as soon as it is made: the trainee reads it on that step.
    if (context.scenario.customer.turns.some((t) => t.node === nodeId && t.offer)) {
      push({ type: 'offered', nodeId, product: null })
    }
    if (step.answer !== undefined) push({ type: 'answered', nodeId, value: step.answer })
  })
  return events
}

/** Something the trainee did outside the script (a grant in the complaint tool), with its time. */
export interface TimedPracticeEvent {
  at: string
  event: PracticeEvent
}

/**
 * The path's events with `extras` placed after the step that was on screen when each happened
 * (in time order; one before the first step goes with the first).
 */
function withExtras(
  state: RunState,
  events: { nodeId: string; event: PracticeEvent }[],
  pathIndex: number[],
  extras: readonly TimedPracticeEvent[]
): { nodeId: string; event: PracticeEvent }[] {
  if (extras.length === 0) return events
  const sorted = [...extras].sort((a, b) => a.at.localeCompare(b.at))
  const stepOf = (at: string): number => {
    let index = 0
    state.path.forEach((step, i) => {
      if (step.enteredAt <= at) index = i
    })
    return index
  }
  const merged: { nodeId: string; event: PracticeEvent }[] = []
  let next = 0
  events.forEach((entry, i) => {
    merged.push(entry)
    const step = pathIndex[i] ?? 0
    // The last event of this step: the extras that happened while it was on screen follow it.
    if (pathIndex[i + 1] === step) return
    while (next < sorted.length && stepOf(sorted[next]?.at ?? '') <= step) {
      const extra = sorted[next]
      if (extra) merged.push({ nodeId: entry.nodeId, event: extra.event })
      next++
    }
  })
  return merged
}

/** The customer's lines so far, grouped by the step that prompted them (silent steps left out). */
export function practiceTranscript(
  context: CustomerContext,
  state: RunState,
  extras: readonly TimedPracticeEvent[] = []
): TranscriptEntry[] {
  const entries: TranscriptEntry[] = []
  let customer = initialCustomerState()
  const events = pathEvents(context, state)
  for (const { nodeId, event } of withExtras(state, events, pathIndexes(context, state), extras)) {
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
