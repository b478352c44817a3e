/**
 * Starts the right script when a call connects and settles the run when the agent is done with
 * the call, for SIP and practice calls alike (both only move the phone store). While a mandatory
 * line on the path is unconfirmed, the agent cannot leave wrap-up.
 */
import i18next from 'i18next'

import { registerWrapUpGuard } from '../../app/wrap-up-guards'
import { useAppStore } from '../../stores/app-store'
import { forgetCall, refreshScriptView, sendScriptEvent, startScriptForCall } from './commands'

function mandatoryPending(): string | null {
  const { state, view } = useAppStore.getState().scriptRun
  if (state?.status !== 'open' || !view) return null
  const pending = view.closeBlockers.some((b) => b.code === 'mandatory_unconfirmed')
  return pending ? i18next.t('scripts.finishBlocked') : null
}

export function watchScriptCalls(): () => void {
  const unguard = registerWrapUpGuard(mandatoryPending)
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    const { phase, call } = state.phone
    if (phase === 'active' && call && previous.phone.phase !== 'active') {
      startScriptForCall(call)
    } else if (phase === 'idle' && previous.phone.phase !== 'idle' && state.scriptRun.callId) {
      // The call is over and the agent moved on: an open run stops where it was (drop-off).
      const callId = state.scriptRun.callId
      if (state.scriptRun.state?.status === 'open') {
        sendScriptEvent({ type: 'abandon', reason: 'call_ended' })
      }
      useAppStore.getState().scriptRunCleared()
      forgetCall(callId)
    }
    // The agent chose the caller among several: names and tier conditions now have a customer.
    if (state.screenPop.customer !== previous.screenPop.customer && state.scriptRun.state) {
      refreshScriptView()
    }
  })
  return () => {
    unguard()
    unsubscribe()
  }
}
