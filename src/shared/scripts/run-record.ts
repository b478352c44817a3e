/**
 * Turns a finished run's state into the record that is synced: the final path (steps undone with
 * Back are not part of it; the state's log keeps them locally) with the time spent on each step.
 */
import type { ScriptRunRecordInput, ScriptRunStep } from '../domain/script-run'
import type { RunState } from './run-state'

export interface RunRecordContext {
  callId: string | null
  practice: boolean
  customerId: string | null
}

const seconds = (from: string, to: string): number =>
  Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000)

/** The record of a run that has ended; null while the run is still open. */
export function runRecordOf(
  state: RunState,
  context: RunRecordContext
): ScriptRunRecordInput | null {
  if (state.status === 'open') return null
  const endedAt = state.closedAt ?? state.log[state.log.length - 1]?.at ?? state.startedAt
  const steps: ScriptRunStep[] = state.path.map((step, i) => {
    const until = state.path[i + 1]?.enteredAt ?? endedAt
    return {
      nodeId: step.nodeId,
      enteredAt: step.enteredAt,
      seconds: seconds(step.enteredAt, until),
      ...(step.answer === undefined ? {} : { answer: step.answer })
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
