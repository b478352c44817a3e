/**
 * What the interpreter answers: the new state, the step to render and the effects to carry out,
 * or an error as data. Illegal events never throw: the runner shows the message and keeps the
 * state it had.
 */
import type { EmittedEffect, RunState } from './run-state'
import type { RunView } from './run-view'

export const runErrorCodes = [
  'run_not_open',
  'script_mismatch',
  'invalid_context',
  'broken_script',
  'not_an_ask',
  'invalid_answer',
  'answer_required',
  'invalid_option',
  'not_mandatory',
  'not_on_path',
  'no_history',
  'at_end',
  'dead_end',
  'unknown_jump',
  'jump_active',
  'not_in_jump',
  'cannot_close'
] as const
export type RunErrorCode = (typeof runErrorCodes)[number]

export interface RunError {
  code: RunErrorCode
  message: string
  nodeId?: string
}

export interface RunSuccess {
  state: RunState
  view: RunView
  /** Effects emitted by this transition only, in order: the app carries them out now. */
  effects: EmittedEffect[]
}

export type RunResult = { ok: true; data: RunSuccess } | { ok: false; error: RunError }
/** An intermediate result inside the interpreter. */
export type Step<T> = { ok: true; data: T } | { ok: false; error: RunError }

export const runError = (code: RunErrorCode, message: string, nodeId?: string): RunError =>
  nodeId === undefined ? { code, message } : { code, message, nodeId }

export const failed = <T>(code: RunErrorCode, message: string, nodeId?: string): Step<T> => ({
  ok: false,
  error: runError(code, message, nodeId)
})
