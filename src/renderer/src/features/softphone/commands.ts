/**
 * Call control. Components call these commands; the commands drive the {@link CallSession} and
 * move the store. Whatever the kind of call, the same path runs: ring → screen pop → answer →
 * wrap-up.
 */
import i18next from 'i18next'

import { getDesktop } from '../../platform/desktop'
import { useAppStore } from '../../stores/app-store'
import { CallState, type CallSession } from '../../telephony/call-session'
import { PracticeCall } from '../../telephony/practice-call'
import { popCustomerFor } from '../screen-pop/commands'
import type { PracticeScenario } from './practice-scenarios'

let active: CallSession | null = null

function reportError(error: unknown): void {
  useAppStore.getState().phoneError(error instanceof Error ? error.message : String(error))
}

function follow(session: CallSession): void {
  session.subscribe({
    onStateChange: (state) => {
      const store = useAppStore.getState()
      if (state === CallState.Connecting) store.callConnecting()
      else if (state === CallState.Active && store.phone.phase === 'connecting')
        store.callAnswered()
      else if (state === CallState.Ended) {
        store.callEnded()
        active = null
      }
    }
  })
}

/** A new inbound call: ring, pop the customer card, and alert if the window is not in view. */
export function incomingCall(session: CallSession): void {
  const store = useAppStore.getState()
  if (store.phone.phase !== 'idle' || active) {
    // Single-line until call waiting lands (issue #3): a second caller is declined, not lost.
    void session.decline().catch(reportError)
    return
  }
  active = session
  follow(session)
  store.callRinging(session.info)
  void popCustomerFor(session.info)
  if (document.hidden) {
    void getDesktop().showNotification({
      title: i18next.t('softphone.ringing'),
      body: session.info.remoteDisplayName ?? session.info.remoteNumber,
      focusOnClick: true
    })
  }
}

export function startPracticeCall(scenario: PracticeScenario): void {
  const options = {
    remoteNumber: scenario.remoteNumber,
    remoteDisplayName: scenario.remoteDisplayName,
    ...(scenario.ctiHeaders ? { ctiHeaders: scenario.ctiHeaders } : {})
  }
  incomingCall(new PracticeCall(options))
}

export function answerCall(): void {
  if (active?.state === CallState.Ringing) active.answer().catch(reportError)
}

export function declineCall(): void {
  if (active?.state === CallState.Ringing) active.decline().catch(reportError)
}

export function hangUp(): void {
  if (active && active.state !== CallState.Ringing && active.state !== CallState.Ended) {
    active.hangup().catch(reportError)
  }
}

export function finishWrapUp(): void {
  const store = useAppStore.getState()
  if (store.phone.phase !== 'wrap_up') return
  store.wrapUpFinished()
  store.popCleared()
}
