/**
 * The script interpreter: a pure state machine. `startRun` builds the first state;
 * `applyEvent(script, state, event, context)` returns the next state, the step to render and the
 * effects to carry out, or an error that leaves the caller's state untouched. The same inputs
 * always give the same output: time comes from `context.now`, ids from counters in the state.
 *
 * Run status: `open` → (`close` at an end step with every mandatory step on the path confirmed)
 * → `closed`; `open` → (`abandon`) → `abandoned`. Only an open run accepts events.
 *
 * Within an open run, the current step is the top of the path:
 * - `answer` stores an answer on the current ask step (replacing an earlier one);
 * - `chooseOption` answers a choice or yes/no question by its 1-based key and moves on;
 * - `next` moves on: a choice option's own `next`, else the node's `next`; in a jump flow a
 *   node without `next` returns to where the jump was taken; an unanswered required question,
 *   an end step, or a main-flow node without `next` is an error;
 * - `back` pops the path to the previous step (skipping branches), forgetting the answers given
 *   after it; the previous step keeps its own answer so the agent can change it;
 * - `confirm` marks a mandatory say step on the path as read (idempotent, first time kept);
 * - `jump` enters a global jump flow from the current step, `returnFromJump` resumes that step
 *   with its answer (jumps nest; the same jump cannot be entered twice at once).
 */
import { enterNode } from './enter-node'
import { minutesOfDay, type RunContext } from './run-context'
import { runError, type RunResult } from './run-result'
import type { RunEvent, RunState } from './run-state'
import { transition, type Transition } from './run-transitions'
import { buildView } from './run-view'
import type { Script } from './schema'

function checkContext(context: RunContext): string | null {
  if (Number.isNaN(context.now.getTime())) return 'now is not a valid date'
  if (minutesOfDay(context.now, context.timeZone) === null) {
    return `unknown time zone ${context.timeZone ?? ''}`
  }
  return null
}

function finish(script: Script, result: Transition, context: RunContext): RunResult {
  if (!result.ok) return result
  const view = buildView(script, result.data.state, context)
  if (!view) return { ok: false, error: runError('broken_script', 'the run stopped on no step') }
  return {
    ok: true,
    data: { state: result.data.state, view, effects: result.data.effects }
  }
}

/** Starts a run at the script's start node. */
export function startRun(script: Script, context: RunContext): RunResult {
  const bad = checkContext(context)
  if (bad) return { ok: false, error: runError('invalid_context', bad) }
  const empty: RunState = {
    scriptId: script.id,
    scriptVersion: script.version,
    language: context.language,
    status: 'open',
    startedAt: context.now.toISOString(),
    path: [],
    confirmations: [],
    effects: [],
    log: []
  }
  return finish(script, enterNode(script, empty, script.start, 'start', [], context), context)
}

/** Rebuilds the view of a stored state (after a restart, or to render without an event). */
export function viewRun(script: Script, state: RunState, context: RunContext): RunResult {
  return finish(script, { ok: true, data: { state, effects: [] } }, context)
}

/** Applies one event; see the module comment for the state machine. */
export function applyEvent(
  script: Script,
  state: RunState,
  event: RunEvent,
  context: RunContext
): RunResult {
  if (state.scriptId !== script.id || state.scriptVersion !== script.version) {
    return {
      ok: false,
      error: runError(
        'script_mismatch',
        `this run belongs to ${state.scriptId} v${state.scriptVersion}, not ${script.id} v${script.version}`
      )
    }
  }
  const bad = checkContext(context)
  if (bad) return { ok: false, error: runError('invalid_context', bad) }
  if (state.status !== 'open') {
    return { ok: false, error: runError('run_not_open', `the run is ${state.status}`) }
  }
  const result = transition(script, state, event, context)
  if (!result.ok) return result
  const logged: RunState = {
    ...result.data.state,
    log: [...state.log, { at: context.now.toISOString(), event }]
  }
  return finish(
    script,
    { ok: true, data: { state: logged, effects: result.data.effects } },
    context
  )
}
