/**
 * Turns a finished run's state into the record that is synced: the final path (steps undone with
 * Back are not part of it; the state's log keeps them locally) with the time spent on each step.
 * Time the call spent in the background (the agent on another line) is not time on the step.
 */
import type { ScriptRunRecordInput, ScriptRunStep } from '../domain/script-run'
import type { PathStep, RunState } from './run-state'

export interface RunRecordContext {
  callId: string | null
  practice: boolean
  customerId: string | null
}

/** A span the run was set aside (its call on hold while the agent was on another line). */
export interface RunPause {
  from: string
  to: string
}

const seconds = (from: string, to: string): number =>
  Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000)

/** Seconds from `from` to `to`, less the parts of `pauses` that fall between them. */
function activeSeconds(from: string, to: string, pauses: readonly RunPause[]): number {
  let paused = 0
  for (const pause of pauses) {
    const start = pause.from > from ? pause.from : from
    const end = pause.to < to ? pause.to : to
    if (start < end) paused += seconds(start, end)
  }
  return Math.max(0, seconds(from, to) - paused)
}

/**
 * The product an offer step offered on this visit: the offer its node emitted on entering it
 * (a later visit, after Back or a loop, emits its own), or null when it found nothing to offer.
 */
function offeredAt(state: RunState, step: PathStep): string | null {
  const emitted = state.effects.find((e) => e.key === step.nodeId && e.at >= step.enteredAt)
  return emitted?.effect.type === 'offer_product' ? emitted.effect.productCode : null
}

/** The record of a run that has ended; null while the run is still open. */
export function runRecordOf(
  state: RunState,
  context: RunRecordContext,
  pauses: readonly RunPause[] = []
): ScriptRunRecordInput | null {
  if (state.status === 'open') return null
  const endedAt = state.closedAt ?? state.log[state.log.length - 1]?.at ?? state.startedAt
  const steps: ScriptRunStep[] = state.path.map((step, i) => {
    const until = state.path[i + 1]?.enteredAt ?? endedAt
    const offered = offeredAt(state, step)
    return {
      nodeId: step.nodeId,
      enteredAt: step.enteredAt,
      seconds: activeSeconds(step.enteredAt, until, pauses),
      ...(step.answer === undefined ? {} : { answer: step.answer }),
      ...(offered === null ? {} : { offered })
    }
  })
  return {
    ...context,
    scriptId: state.scriptId,
    scriptVersion: state.scriptVersion,
    language: state.language,
    status: state.status,
    outcome: state.status === 'closed' ? (state.outcome ?? null) : null,
    abandonReason: state.status === 'abandoned' ? (state.abandonReason ?? null) : null,
    startedAt: state.startedAt,
    endedAt,
    steps,
    confirmations: state.confirmations
  }
}
