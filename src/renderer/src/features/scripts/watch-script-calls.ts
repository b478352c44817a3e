/**
 * Starts the right script when a call connects and settles each call's run when the agent is
 * done with that call, for SIP and practice calls alike (both only move the phone store). With
 * two lines (call waiting, swapping), each call keeps its own run: the runner follows the line in
 * front. While a mandatory line on the front run's path is unconfirmed, the agent cannot leave
 * wrap-up. A call with a colleague starts no script: scripts are for customers.
 */
import i18next from 'i18next'

import { isColleagueCall, servesCustomer } from '../screen-pop'
import type { WrapUpGuardRegistry } from '../softphone'
import { useAppStore, type AppState } from '../../stores/app-store'
import { PREVIEW_RUN } from './commands'
import type { ScriptRunner } from './script-runner'

function mandatoryPending(): string | null {
  const { state, view } = useAppStore.getState().scriptRun
  if (state?.status !== 'open' || !view) return null
  const pending = view.closeBlockers.some((b) => b.code === 'mandatory_unconfirmed')
  return pending ? i18next.t('scripts.finishBlocked') : null
}

/**
 * The calls the agent still has: the one in front (kept through wrap-up until the agent is done)
 * and the other lines (waiting, held, transferring).
 */
function callsOf(phone: AppState['phone']): Set<string> {
  const ids = new Set(phone.lines.map((l) => l.info.id))
  if (phone.call) ids.add(phone.call.id)
  return ids
}

export function watchScriptCalls(runner: ScriptRunner, guards: WrapUpGuardRegistry): () => void {
  const unguard = guards.register(mandatoryPending)
  const gone = new Set<string>()
  /** Calls whose script this watcher started (not the agent), until the call leaves. */
  const startedHere = new Set<string>()
  // A swap moves the front call and the other lines in two store updates, so in between a held
  // call is briefly in neither: a call counts as gone only if it is still missing once the
  // softphone has finished its update.
  const settleGone = () => {
    const calls = callsOf(useAppStore.getState().phone)
    const ended = [...gone].filter((id) => !calls.has(id))
    gone.clear()
    for (const id of ended) {
      startedHere.delete(id)
      runner.lineRunEnded(id)
    }
  }
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    const { phase, call } = state.phone
    if (state.phone.call !== previous.phone.call || state.phone.lines !== previous.phone.lines) {
      // A call that left (hung up on a held line, or the agent finished its wrap-up) settles
      // its own run, whichever line is in front.
      const now = callsOf(state.phone)
      const left = [...callsOf(previous.phone)].filter((id) => !now.has(id))
      if (left.length > 0 && gone.size === 0) queueMicrotask(settleGone)
      for (const id of left) gone.add(id)
    }
    if (call?.id !== previous.phone.call?.id) runner.lineRunFocused(call?.id ?? PREVIEW_RUN)
    if (phase === 'active' && call && previous.phone.phase !== 'active') {
      if (servesCustomer(state, call)) {
        runner.startScriptForCall(call)
        startedHere.add(call.id)
      }
    }
    // The agent answered before the directory did (a busy worker): the script started here for
    // what looked like a customer goes, unrecorded, once the card says it is a colleague. One the
    // agent chose during the call is theirs, and stays.
    const colleague = state.screenPop.colleague
    if (colleague !== previous.screenPop.colleague && colleague && call) {
      if (isColleagueCall(state, call.id) && startedHere.delete(call.id)) {
        runner.lineRunDiscarded(call.id)
      }
    }
    // The agent chose the caller among several: names and tier conditions now have a customer.
    if (state.screenPop.customer !== previous.screenPop.customer) runner.refreshScriptView()
  })
  return () => {
    unguard()
    unsubscribe()
  }
}
