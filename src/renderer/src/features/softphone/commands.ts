/**
 * Call control. Components call these commands; the commands drive the {@link CallSession}s and
 * move the store. Whatever the kind of call, the same path runs: ring → screen pop → answer →
 * wrap-up. Several calls may be up at once (call waiting, a consultation, a transfer in flight):
 * {@link CallLines} keeps track of them, and the store's phase always describes the front one.
 */
import i18next from 'i18next'

import { wrapUpBlocker } from './wrap-up-guards'
import { getDesktop } from '../../platform/desktop'
import { useAppStore } from '../../stores/app-store'
import { audioState } from '../devices/audio-runtime'
import type { CustomerMatch } from '@shared/contract/worker'
import { CallState, type CallInfo, type CallSession } from '../../telephony/call-session'
import { PracticeCall } from '../../telephony/practice-call'
import { lookUpCaller, popCustomerFor, showLookup } from '../screen-pop/commands'
import { CallLines, type Line } from './call-lines'
import { setCallWaitingTone } from './call-waiting-tone'
import { autoAnswerDelay, loadPhonePreferences, type PhonePreferences } from './phone-preferences'
import type { PracticeScenario } from './practice-scenarios'
import { recordInteractionOf } from './record-interaction'

let lines = new CallLines()
/** Outbound calls cancelled by the ring timeout, reported as "no answer". */
const unanswered = new Set<string>()

interface EndedCall {
  info: CallInfo
  answeredAt: string
  endedAt: string
}
/**
 * Answered calls that ended while another line stayed up: each still needs its own wrap-up, taken
 * one after the other once the call in front has been wrapped up.
 */
let awaitingWrapUp: EndedCall[] = []

/** An answered customer call ending behind (or ahead of) another line waits for its wrap-up. */
function keepForWrapUp(line: Line | null): void {
  // A consultation is an internal call, and a call being transferred leaves with the transfer.
  if (!line || line.answeredAt === null || line.consultFor !== null || line.isTransferring) return
  awaitingWrapUp.push({
    info: line.session.info,
    answeredAt: line.answeredAt,
    endedAt: new Date().toISOString()
  })
}

/** Logout: the calls still waiting for their wrap-up were this user's, not the next one's. */
export function dropPendingWrapUps(): void {
  awaitingWrapUp = []
}

/** Test hook: forget every call (the store is reset separately). */
export function resetCallLines(): void {
  lines = new CallLines()
  unanswered.clear()
  awaitingWrapUp = []
  setCallWaitingTone(false)
}

function reportError(error: unknown): void {
  useAppStore.getState().phoneError(error instanceof Error ? error.message : String(error))
}

/** Mirrors the background lines (waiting, held, transferring) into the store. */
function publishLines(): void {
  const front = lines.front
  useAppStore.getState().linesChanged(
    lines.background.map((l) => ({ info: l.session.info, state: l.session.state })),
    front?.consultFor ?? null
  )
  setCallWaitingTone(lines.waiting !== null && front !== null, audioState().inUse.speakerId)
}

/** Puts `line` in front: the store shows it and the card pops for its caller. */
function showInFront(line: Line): void {
  const { session } = line
  useAppStore.getState().lineFocused({
    info: session.info,
    state: session.state,
    answeredAt: line.answeredAt,
    isMuted: line.isMuted
  })
  popCustomerFor(session.info)
  publishLines()
}

function frontEnded(session: CallSession, line: Line | null): void {
  const store = useAppStore.getState()
  const phase = store.phone.phase
  if (phase === 'dialing') {
    if (unanswered.delete(session.info.id)) store.phoneError(i18next.t('softphone.noAnswer'))
    else if ('endReason' in session && typeof session.endReason === 'string') {
      store.phoneError(session.endReason)
    }
  }
  const next = lines.remove(session.info.id)
  if (!next) {
    store.callEnded()
    publishLines()
    return
  }
  keepForWrapUp(line)
  showInFront(next)
  // The consultation is over (cancelled, or the target hung up): back to the held caller.
  const wasConsult = line?.consultFor === next.session.info.id
  if (wasConsult && !next.isTransferring && next.session.state === CallState.Held) {
    next.session.resume?.().catch(reportError)
  }
}

function onCallState(session: CallSession, state: CallState): void {
  const line = lines.find(session.info.id)
  if (line && state === CallState.Active) line.answeredAt ??= new Date().toISOString()
  if (lines.front?.session !== session) {
    if (state === CallState.Ended) {
      keepForWrapUp(line)
      lines.remove(session.info.id)
    }
    // Only the front line talks: a call that came up behind it (moved here by a transfer)
    // waits on hold until the agent picks it.
    if (state === CallState.Active && session.hold) session.hold().catch(reportError)
    publishLines()
    return
  }
  const store = useAppStore.getState()
  const phase = store.phone.phase
  if (state === CallState.Connecting) store.callConnecting()
  else if (state === CallState.Active && (phase === 'connecting' || phase === 'dialing')) {
    store.callAnswered()
  } else if (state === CallState.Active && phase === 'held') store.callResumed()
  else if (state === CallState.Held) store.callHeld()
  else if (state === CallState.Ended) frontEnded(session, line)
  publishLines()
}

function follow(session: CallSession): void {
  recordInteractionOf(session)
  session.subscribe({
    onStateChange: (state) => {
      onCallState(session, state)
    },
    onSuccessor: (next) => {
      // The far end transferred us: the new call takes this line's place.
      lines.takeOver(session, next)
      follow(next)
      if (lines.front?.session === next) showInFront(lines.bringToFront(next.info.id))
      else publishLines()
    },
    onDtmfReceived: (tone) => {
      if (lines.front?.session === session) useAppStore.getState().digitReceived(tone)
    }
  })
}

function startRingTimeout(session: CallSession): void {
  const seconds = loadPhonePreferences().ringTimeoutSeconds
  setTimeout(() => {
    if (session.state !== CallState.Dialing) return
    unanswered.add(session.info.id)
    session.hangup().catch(reportError)
  }, seconds * 1000)
}

/** An outbound call the phone line just placed: the card pops for the number dialled too. */
export function placeCall(session: CallSession): void {
  lines.place(session)
  follow(session)
  startRingTimeout(session)
  useAppStore.getState().callDialing(session.info)
  popCustomerFor(session.info)
  publishLines()
}

/** True when no call is up and the agent may dial. */
export function canDial(): boolean {
  return lines.all.length === 0 && useAppStore.getState().phone.phase === 'idle'
}

function alertIfHidden(session: CallSession, titleKey: string): void {
  if (!document.hidden) return
  void getDesktop().showNotification({
    title: i18next.t(titleKey),
    body: session.info.remoteDisplayName ?? session.info.remoteNumber,
    focusOnClick: true
  })
}

/**
 * A new inbound call: ring and pop the card; during a call, ring as call waiting (the card
 * pops only when the agent picks it); an INVITE with Replaces takes over its call at once.
 */
export function incomingCall(session: CallSession): void {
  const store = useAppStore.getState()
  const preferences = loadPhonePreferences()
  const admission = lines.admit(session, {
    singleLine: preferences.singleLine,
    isAvailable: store.phone.phase === 'idle'
  })
  if (admission === 'refuse') {
    // Busy (486): a caller the agent cannot take is told so, not left ringing, and the
    // attempt is still on record.
    recordInteractionOf(session)
    void session.decline().catch(reportError)
    return
  }
  follow(session)
  if (admission === 'take-over') {
    // The target side of an attended transfer: the agent already accepted this party.
    const front = lines.front
    if (front?.session === session) showInFront(front)
    else publishLines()
    session.answer().catch(reportError)
    return
  }
  if (admission === 'waiting') {
    publishLines()
    alertIfHidden(session, 'softphone.callWaiting')
    return
  }
  const lookup = lookUpCaller(session.info)
  if (!lookup) {
    showRinging(session, preferences, null)
    return
  }
  // The cache answers in 1–3 ms. Rendering the ringing view before that answer made the card
  // wait behind it (and often behind a frame painted without it): ring and card render once.
  void answeredWithin(lookup, RING_WAITS_FOR_CARD_MS).then((match) => {
    showRinging(session, preferences, lookup, match)
  })
}

/** How long the ringing view may wait for the cache's answer: one frame at 60 Hz. */
const RING_WAITS_FOR_CARD_MS = 16

function answeredWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    void promise.then((value) => {
      clearTimeout(timer)
      resolve(value)
    })
  })
}

/** The ringing view, with the card when its match is `known`; the card follows otherwise. */
function showRinging(
  session: CallSession,
  preferences: PhonePreferences,
  lookup: Promise<CustomerMatch> | null,
  known?: CustomerMatch
): void {
  // The caller may have hung up (or been taken over) while the ring waited for the cache.
  if (lines.front?.session !== session || session.state !== CallState.Ringing) return
  showLookup(session.info.id, lookup, known)
  useAppStore.getState().callRinging(session.info)
  publishLines()
  alertIfHidden(session, 'softphone.ringing')
  const delay = autoAnswerDelay(preferences.autoAnswer, session.info.answerAfterSeconds)
  if (delay !== null && session.info.kind === 'sip') {
    setTimeout(() => {
      if (lines.front?.session === session) answerCall()
    }, delay * 1000)
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

/**
 * Makes room at the front for another line: a call that is talking goes on hold; one that
 * cannot be held (a practice call) or is still ringing out is ended, since the agent chose
 * the other caller.
 */
async function holdFront(): Promise<void> {
  const session = lines.front?.session
  if (!session) return
  if (session.state === CallState.Active && session.hold) await session.hold()
  else if (session.state === CallState.Active || session.state === CallState.Dialing) {
    await session.hangup()
  }
}

/** Answers the ringing call in front, or else the call waiting (holding the current call). */
export function answerCall(): void {
  const front = lines.front
  if (front?.session.state === CallState.Ringing) {
    // Not before its ringing view is up (it may still be waiting for the card).
    if (useAppStore.getState().phone.call?.id === front.session.info.id) {
      front.session.answer().catch(reportError)
    }
    return
  }
  const waiting = lines.waiting
  if (!waiting) return
  holdFront()
    .then(() => {
      if (waiting.session.state !== CallState.Ringing) return undefined
      showInFront(lines.bringToFront(waiting.session.info.id))
      return waiting.session.answer()
    })
    .catch(reportError)
}

/** Declines the ringing call in front, or else the call waiting. */
export function declineCall(): void {
  const front = lines.front
  const ringing = front?.session.state === CallState.Ringing ? front : lines.waiting
  if (ringing) ringing.session.decline().catch(reportError)
}

export function hangUp(): void {
  const session = lines.front?.session
  if (session && session.state !== CallState.Ringing && session.state !== CallState.Ended) {
    session.hangup().catch(reportError)
  }
}

/** Ends the call on a background line: declines it if it still rings. */
export function hangUpLine(callId: string): void {
  const line = lines.find(callId)
  if (!line || line === lines.front) return
  const { session } = line
  if (session.state === CallState.Ringing) session.decline().catch(reportError)
  else if (session.state !== CallState.Ended) session.hangup().catch(reportError)
}

/** Brings a held line to the front: holds the current call, resumes the other. */
export function pickLine(callId: string): void {
  const line = lines.find(callId)
  if (!line || line === lines.front || line.session.state === CallState.Ringing) return
  if (line.session.state !== CallState.Held && line.session.state !== CallState.Active) return
  holdFront()
    .then(() => {
      showInFront(lines.bringToFront(callId))
      if (line.session.state === CallState.Held) return line.session.resume?.()
      return undefined
    })
    .catch(reportError)
}

/** Swaps to the other held line (Alt+S): the common two-call case needs no choice. */
export function swapLines(): void {
  const other = lines.background.find((l) => l.session.state === CallState.Held)
  if (other) pickLine(other.session.info.id)
}

/** Mutes or unmutes the microphone on a call that supports it. */
export function toggleMute(): void {
  const front = lines.front
  if (!front?.session.setMuted) return
  const { state } = front.session
  if (state !== CallState.Active && state !== CallState.Held) return
  front.isMuted = !front.isMuted
  front.session.setMuted(front.isMuted)
  useAppStore.getState().muteChanged(front.isMuted)
}

/** Puts the other party on hold, or takes them off it. */
export function toggleHold(): void {
  const session = lines.front?.session
  if (session?.state === CallState.Active && session.hold) session.hold().catch(reportError)
  else if (session?.state === CallState.Held && session.resume) session.resume().catch(reportError)
}

/** Sends a DTMF digit to an IVR or a conference bridge during a call. */
export function sendDigit(tone: string): void {
  const session = lines.front?.session
  if (session?.state === CallState.Active && session.sendDtmf) {
    session.sendDtmf(tone, loadPhonePreferences().dtmfMethod).catch(reportError)
  }
}

/** True when the front call can be transferred (blind, or by consulting first). */
export function canTransfer(): boolean {
  const front = lines.front
  if (!front || front.consultFor !== null) return false
  const { state } = front.session
  return (state === CallState.Active || state === CallState.Held) && lines.canPlace()
}

/** Blind transfer of the front call to `target` (a SIP URI). */
export function transferBlind(target: string): void {
  const front = lines.front
  if (!front?.session.blindTransfer || !canTransfer()) return
  front.isTransferring = true
  front.session.blindTransfer(target).catch((error: unknown) => {
    front.isTransferring = false
    reportError(error)
  })
}

/** Holds the front call before a consultation starts; resolves with its id. */
export async function prepareConsult(): Promise<string | null> {
  const front = lines.front
  if (!front || !canTransfer()) return null
  await holdFront()
  return front.session.info.id
}

/** The consultation call the phone line placed for the held call `heldCallId`. */
export function placeConsult(session: CallSession, heldCallId: string): void {
  lines.place(session, heldCallId)
  follow(session)
  startRingTimeout(session)
  showInFront(lines.bringToFront(session.info.id))
}

/** Completes an attended transfer: the held caller takes over the consultation's target. */
export function completeTransfer(): void {
  const consult = lines.front
  const held = lines.find(consult?.consultFor)
  if (!consult || !held?.session.attendedTransfer) return
  held.isTransferring = true
  held.session.attendedTransfer(consult.session).catch((error: unknown) => {
    held.isTransferring = false
    reportError(error)
  })
}

/** Cancels the consultation: its call ends and the held caller comes back. */
export function cancelConsult(): void {
  const consult = lines.front
  if (!consult?.consultFor) return
  const { session } = consult
  if (session.state !== CallState.Ended) session.hangup().catch(reportError)
}

export function finishWrapUp(): void {
  const store = useAppStore.getState()
  if (store.phone.phase !== 'wrap_up') return
  const blocker = wrapUpBlocker()
  if (blocker) {
    store.phoneError(blocker)
    return
  }
  const next = awaitingWrapUp.shift()
  if (next) {
    // The next call that ended while this one was in front: its own wrap-up and caller's card.
    store.wrapUpNext(next.info, next.answeredAt, next.endedAt)
    popCustomerFor(next.info)
    return
  }
  store.wrapUpFinished()
  store.popCleared()
}
