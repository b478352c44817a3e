/**
 * Drives the script runs of the agent's calls, one per line ({@link LineRuns}); the store shows the
 * run of the line in front. The interpreter is pure; the runner feeds it the agent's events with
 * the context of the moment (customer on the card, language, time), keeps the store in step, and
 * carries out the effects the script emits. The app creates one runner (see
 * `script-runner-context.ts`); its runs are the instance's, so a test starts from a fresh one.
 */
import { applyEvent, startRun, viewRun } from '@shared/scripts/interpreter'
import type { RunResult } from '@shared/scripts/run-result'
import type { RunEvent } from '@shared/scripts/run-state'
import { useAppStore } from '@renderer/stores/app-store'
import type { CallInfo } from '@renderer/telephony/call-session'
import { recordCustomerId } from '../screen-pop'
import { scriptCatalog } from './bundled-scripts'
import {
  carryOut,
  contextNow,
  PREVIEW_RUN,
  recordRun,
  refuse,
  runLanguage,
  scriptFor,
  suggestOutcome
} from './commands'
import { LineRuns } from './line-runs'
import { isPracticeCall } from '@renderer/telephony/call-session'

export class ScriptRunner {
  /** One run per line: the runner shows the front one; the others wait where they were. */
  readonly #runs = new LineRuns()

  #commit(callId: string, result: RunResult): boolean {
    const isFront = this.#runs.frontId === callId
    if (!result.ok) {
      if (isFront) refuse(result.error.code)
      return false
    }
    const wasOpen = this.#runs.get(callId)?.state.status === 'open'
    const run = this.#runs.update(callId, result.data.state)
    if (!run) return false
    const store = useAppStore.getState()
    if (isFront) {
      run.customerId = recordCustomerId(store.screenPop)
      store.scriptRunChanged(callId, result.data.state, result.data.view)
    }
    carryOut(callId, result.data.effects)
    if (wasOpen && result.data.state.status !== 'open') {
      suggestOutcome(callId, result.data.state)
      void recordRun(run)
    }
    return true
  }

  /** Starts `scriptId` for the call; a run already open for it is abandoned as switched. */
  startScript(callId: string, scriptId: string): void {
    const store = useAppStore.getState()
    const script = scriptCatalog().scripts.get(scriptId)
    if (!script) {
      refuse('unknown_script')
      return
    }
    // The agent starts a script on the line in front: the panel shows that line's run.
    if (this.#runs.frontId !== callId) this.lineRunFocused(callId)
    if (this.#runs.get(callId)?.state.status === 'open') {
      this.#applyTo(callId, { type: 'abandon', reason: `switched to ${scriptId}` })
    }
    const customer = store.screenPop.customer
    const result = startRun(script, contextNow(customer, runLanguage(customer)))
    if (!result.ok) {
      refuse(result.error.code)
      return
    }
    // A preview belongs to no call and is never recorded.
    const call = store.phone.call
    const practice = call?.id === callId ? isPracticeCall(call) : null
    const options = { practice, customerId: recordCustomerId(store.screenPop) }
    this.#runs.begin(callId, result.data.state, options, result.data.state.startedAt)
    this.#commit(callId, result)
  }

  /** Starts the script the rules pick for a call that just connected. */
  startScriptForCall(info: CallInfo): void {
    // A line that comes back from hold keeps the run it had.
    if (this.#runs.get(info.id)) return
    const scriptId = scriptFor(info, useAppStore.getState().screenPop.customer)
    if (scriptId) this.startScript(info.id, scriptId)
  }

  #applyTo(callId: string, event: RunEvent): boolean {
    const run = this.#runs.get(callId)
    if (!run) return false
    const script = scriptCatalog().scripts.get(run.state.scriptId)
    if (!script) {
      if (this.#runs.frontId === callId) refuse('unknown_script')
      return false
    }
    // The card shows the front call's customer; a background run only ever gets `abandon`.
    const customer =
      this.#runs.frontId === callId ? useAppStore.getState().screenPop.customer : null
    return this.#commit(
      callId,
      applyEvent(script, run.state, event, contextNow(customer, run.state.language))
    )
  }

  #applyToCurrent(event: RunEvent): boolean {
    const callId = this.#runs.frontId
    return callId !== null && this.#applyTo(callId, event)
  }

  /**
   * Another line came to the front (or the last call left: the preview's owner): the runner
   * shows that line's run, resumed where it was, and parks the one that was showing.
   */
  lineRunFocused(callId: string): void {
    const previous = this.#runs.frontId
    // A preview is scratch work: it gives way to a call and is not kept for after it.
    if (previous === PREVIEW_RUN) this.#runs.end(PREVIEW_RUN)
    const run = this.#runs.focus(callId, new Date().toISOString())
    if (run) this.refreshScriptView()
    else useAppStore.getState().scriptRunCleared()
  }

  /** The call ended and the agent is done with it: an open run stops where it was (drop-off). */
  lineRunEnded(callId: string): void {
    if (this.#runs.get(callId)?.state.status === 'open') {
      this.#applyTo(callId, { type: 'abandon', reason: 'call_ended' })
    }
    const wasFront = this.#runs.frontId === callId
    this.#runs.end(callId)
    if (wasFront) useAppStore.getState().scriptRunCleared()
  }

  /**
   * The run was started for a call that turned out not to need one (a colleague's, recognised
   * late): it leaves without a record, as if it never started; nothing of it was a customer's.
   */
  lineRunDiscarded(callId: string): void {
    const wasFront = this.#runs.frontId === callId
    if (!this.#runs.end(callId)) return
    if (wasFront) useAppStore.getState().scriptRunCleared()
  }

  /** Closes the preview the agent opened outside a call. */
  closePreview(): void {
    this.lineRunEnded(PREVIEW_RUN)
  }

  /** One agent event (answer, option, next, back, confirm, jump, close, abandon). */
  sendScriptEvent(event: RunEvent): boolean {
    return this.#applyToCurrent(event)
  }

  /** Answers the current question and moves on, as Enter does. */
  answerAndNext(value: string | number | boolean): void {
    if (this.#applyToCurrent({ type: 'answer', value })) this.#applyToCurrent({ type: 'next' })
  }

  /** Re-renders the run after the card changed (the agent chose among several customers). */
  refreshScriptView(): void {
    const run = this.#runs.front
    if (!run) return
    const { state } = run
    const script = scriptCatalog().scripts.get(state.scriptId)
    const { customer } = useAppStore.getState().screenPop
    if (script)
      this.#commit(run.callId, viewRun(script, state, contextNow(customer, state.language)))
  }

  /** True when the call's wrap-up may finish: no run, or the run is closed or abandoned. */
  scriptAllowsFinish(): boolean {
    const state = this.#runs.front?.state ?? null
    return state === null || state.status !== 'open'
  }
}
