/**
 * The script runs of the agent's lines: one run per call, and which line is in front. Pure
 * bookkeeping (no store, no worker), so call waiting and swapping are testable on their own.
 *
 * @remarks
 * Only the run in front moves: the runner shows it and the agent's keys drive it. A run whose
 * line goes to the background is parked as it was (path, answers, confirmations) and the time
 * it spends parked is kept as a pause, so the time per step counts only the time the agent was
 * on that call. Bringing the line back resumes the run where it was. The run leaves the book
 * when its call ends, with its pauses, to be recorded once for that call.
 */
import type { RunState } from '@shared/scripts/run-state'

/** A span of time the run's line spent in the background. */
export interface Pause {
  from: string
  to: string
}

export interface LineRun {
  readonly callId: string
  state: RunState
  /** Whether the call is a practice call; null for a preview, which is never recorded. */
  readonly practice: boolean | null
  /** The customer on the card while the run was last in front. */
  customerId: string | null
  /** Closed spans in the background, oldest first. */
  readonly pauses: Pause[]
  /** When the run went to the background; null while it is in front. */
  parkedAt: string | null
}

export interface LineRunOptions {
  practice: boolean | null
  customerId: string | null
}

export class LineRuns {
  #runs = new Map<string, LineRun>()
  #frontId: string | null = null

  /** The line the agent is on (a call id, or the preview's owner), or null. */
  get frontId(): string | null {
    return this.#frontId
  }

  get front(): LineRun | null {
    return this.get(this.#frontId)
  }

  get(callId: string | null): LineRun | null {
    return callId === null ? null : (this.#runs.get(callId) ?? null)
  }

  /** Starts `callId`'s run, replacing an earlier one on that line (a script switch). */
  begin(callId: string, state: RunState, options: LineRunOptions, now: string): LineRun {
    const run: LineRun = {
      callId,
      state,
      practice: options.practice,
      customerId: options.customerId,
      pauses: [],
      parkedAt: callId === this.#frontId ? null : now
    }
    this.#runs.set(callId, run)
    return run
  }

  /** The run's next state; null when the line has no run. */
  update(callId: string, state: RunState): LineRun | null {
    const run = this.get(callId)
    if (run) run.state = state
    return run
  }

  /**
   * `callId`'s line came to the front at `now`: the run in front is parked, `callId`'s resumes.
   * Returns the run now in front, or null when that line has none yet.
   */
  focus(callId: string | null, now: string): LineRun | null {
    if (callId === this.#frontId) return this.front
    const previous = this.front
    if (previous && previous.parkedAt === null) previous.parkedAt = now
    this.#frontId = callId
    const next = this.front
    if (next) resume(next, now)
    return next
  }

  /** The call ended: its run leaves the book. Returns it, or null when the line had none. */
  end(callId: string): LineRun | null {
    const run = this.get(callId)
    if (!run) return null
    this.#runs.delete(callId)
    if (callId === this.#frontId) this.#frontId = null
    return run
  }

  /** Every line's run, the one in front included. */
  get all(): LineRun[] {
    return [...this.#runs.values()]
  }
}

/** The run's time in the background up to `until`, counting a pause still under way. */
export function pausesOf(run: LineRun, until: string): Pause[] {
  const open = run.parkedAt
  return open !== null && open < until ? [...run.pauses, { from: open, to: until }] : run.pauses
}

function resume(run: LineRun, now: string): void {
  if (run.parkedAt === null) return
  if (run.parkedAt < now) run.pauses.push({ from: run.parkedAt, to: now })
  run.parkedAt = null
}
