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
import { recordInteractionOf } from './record-interaction'

let active: CallSession | null = null

function reportError(error: unknown): void {
  useAppStore.getState().phoneError(error instanceof Error ? error.message : String(error))
}

function onCallState(session: CallSession, state: CallState): void {
  const store = useAppStore.getState()
  const phase = store.phone.phase
  if (state === CallState.Connecting) store.callConnecting()
  else if (state === CallState.Active && (phase === 'connecting' || phase === 'dialing')) {
    store.callAnswered()
  } else if (state === CallState.Active && phase === 'held') store.callResumed()
  else if (state === CallState.Held) store.callHeld()
  else if (state === CallState.Ended) {
    if (phase === 'dialing' && 'endReason' in session && typeof session.endReason === 'string') {
      store.phoneError(session.endReason)
    }
    store.callEnded()
    if (active === session) active = null
  }
}

function follow(session: CallSession): void {
  recordInteractionOf(session)
  session.subscribe({
    onStateChange: (state) => {
      onCallState(session, state)
    }
  })
}

/** An outbound call the phone line just placed: the card pops for the number dialled too. */
export function placeCall(session: CallSession): void {
  active = session
  follow(session)
  useAppStore.getState().callDialing(session.info)
  void popCustomerFor(session.info)
}

/** True when no call is up and the agent may dial. */
export function canDial(): boolean {
  return !active && useAppStore.getState().phone.phase === 'idle'
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

/** Mutes or unmutes the microphone on a call that supports it. */
export function toggleMute(): void {
  if (!active?.setMuted) return
  if (active.state !== CallState.Active && active.state !== CallState.Held) return
  const isMuted = !useAppStore.getState().phone.isMuted
  active.setMuted(isMuted)
  useAppStore.getState().muteChanged(isMuted)
}

/** Puts the other party on hold, or takes them off it. */
export function toggleHold(): void {
  if (active?.state === CallState.Active && active.hold) active.hold().catch(reportError)
  else if (active?.state === CallState.Held && active.resume) active.resume().catch(reportError)
}

/** Sends a DTMF digit to an IVR or a conference bridge during a call. */
export function sendDigit(tone: string): void {
  if (active?.state === CallState.Active && active.sendDtmf) {
    active.sendDtmf(tone).catch(reportError)
  }
}

export function finishWrapUp(): void {
  const store = useAppStore.getState()
  if (store.phone.phase !== 'wrap_up') return
  store.wrapUpFinished()
  store.popCleared()
}
