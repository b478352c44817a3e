/**
 * Call control. Components call the controller; it drives the {@link CallSession}s and moves the
 * store. Whatever the kind of call, the same path runs: ring → screen pop → answer → wrap-up.
 * Several calls may be up at once (call waiting, a consultation, a transfer in flight):
 * {@link CallLines} keeps track of them, and the store's phase always describes the front one.
 *
 * @remarks
 * The app creates one controller and hands it to what needs it (see `softphone-context.ts`);
 * a test creates its own with fakes. Its state lives in the instance, never in the module.
 */
import {
  CallState,
  isPracticeCall,
  type CallSession,
  type PracticeCallScenario
} from '@renderer/telephony/call-session'
import { PracticeCall } from '@renderer/telephony/practice-call'
import { answeredWithin, RING_WAITS_FOR_CARD_MS } from './answered-within'
import type { CallControllerOptions, CallerParty } from './call-controller-options'
import { CallDesk } from './call-desk'
import { autoAnswerDelay, type PhonePreferences } from './phone-preferences'
import type { WrapUpGuards } from './wrap-up-guards'

export class CallController {
  /** Asked before a wrap-up finishes: features register their guards here. */
  readonly wrapUpGuards: WrapUpGuards
  readonly #desk: CallDesk

  constructor(options: CallControllerOptions) {
    this.#desk = new CallDesk(options)
    this.wrapUpGuards = options.wrapUpGuards
  }

  /** Logout: the calls still waiting for their wrap-up were this user's, not the next one's. */
  dropPendingWrapUps(): void {
    this.#desk.wrapUps.clear()
  }

  /** An outbound call the phone line just placed: the card pops for the number dialled too. */
  placeCall(session: CallSession): void {
    this.#desk.lines.place(session)
    this.#desk.follow(session)
    this.#desk.startRingTimeout(session)
    this.#desk.store().callDialing(session.info)
    this.#desk.popCustomerFor(session.info)
    this.#desk.publishLines()
  }

  /** True when no call is up and the agent may dial. */
  canDial(): boolean {
    return this.#desk.lines.all.length === 0 && this.#desk.store().phone.phase === 'idle'
  }

  /**
   * A new inbound call: ring and pop the card; during a call, ring as call waiting (the card
   * pops only when the agent picks it); an INVITE with Replaces takes over its call at once.
   */
  incomingCall(session: CallSession): void {
    const preferences = this.#desk.options.preferences()
    const admission = this.#desk.lines.admit(session, {
      singleLine: preferences.singleLine,
      isAvailable: this.#desk.store().phone.phase === 'idle'
    })
    if (admission === 'refuse') {
      // Busy (486): a caller the agent cannot take is told so, not left ringing, and the
      // attempt is still on record.
      this.#desk.options.recordInteraction(session)
      void session.decline().catch(this.#desk.reportError)
      return
    }
    this.#desk.follow(session)
    if (admission === 'take-over') {
      // The target side of an attended transfer: the agent already accepted this party.
      const front = this.#desk.lines.front
      if (front?.session === session) this.#desk.showInFront(front)
      else this.#desk.publishLines()
      session.answer().catch(this.#desk.reportError)
      return
    }
    if (admission === 'waiting') {
      this.#desk.publishLines()
      this.#desk.alertIfHidden(session, 'softphone.callWaiting')
      return
    }
    const lookup = this.#desk.options.callerCard.lookUp(session.info)
    if (!lookup) {
      this.#showRinging(session, preferences, null)
      return
    }
    // The cache answers in 1–3 ms. Rendering the ringing view before that answer made the card
    // wait behind it (and often behind a frame painted without it): ring and card render once.
    void answeredWithin(lookup, RING_WAITS_FOR_CARD_MS, this.#desk.clock).then((match) => {
      this.#showRinging(session, preferences, lookup, match)
    })
  }

  /** Rings this desk with a scenario's persona (solo practice). */
  startPracticeCall(scenario: PracticeCallScenario): void {
    this.incomingCall(new PracticeCall({ scenario }))
  }

  /** Answers the ringing call in front, or else the call waiting (holding the current call). */
  answerCall(): void {
    const front = this.#desk.lines.front
    if (front?.session.state === CallState.Ringing) {
      // Not before its ringing view is up (it may still be waiting for the card).
      if (this.#desk.store().phone.call?.id === front.session.info.id) {
        front.session.answer().catch(this.#desk.reportError)
      }
      return
    }
    const waiting = this.#desk.lines.waiting
    if (!waiting) return
    this.#desk
      .holdFront()
      .then(() => {
        if (waiting.session.state !== CallState.Ringing) return undefined
        this.#desk.showInFront(this.#desk.lines.bringToFront(waiting.session.info.id))
        return waiting.session.answer()
      })
      .catch(this.#desk.reportError)
  }

  /** Declines the ringing call in front, or else the call waiting. */
  declineCall(): void {
    const front = this.#desk.lines.front
    const ringing = front?.session.state === CallState.Ringing ? front : this.#desk.lines.waiting
    if (ringing) ringing.session.decline().catch(this.#desk.reportError)
  }

  hangUp(): void {
    const session = this.#desk.lines.front?.session
    if (session && session.state !== CallState.Ringing && session.state !== CallState.Ended) {
      session.hangup().catch(this.#desk.reportError)
    }
  }

  /** Ends the call on a background line: declines it if it still rings. */
  hangUpLine(callId: string): void {
    const line = this.#desk.lines.find(callId)
    if (!line || line === this.#desk.lines.front) return
    const { session } = line
    if (session.state === CallState.Ringing) session.decline().catch(this.#desk.reportError)
    else if (session.state !== CallState.Ended) session.hangup().catch(this.#desk.reportError)
  }

  /** Brings a held line to the front: holds the current call, resumes the other. */
  pickLine(callId: string): void {
    const line = this.#desk.lines.find(callId)
    if (!line || line === this.#desk.lines.front || line.session.state === CallState.Ringing) return
    if (line.session.state !== CallState.Held && line.session.state !== CallState.Active) return
    this.#desk
      .holdFront()
      .then(() => {
        this.#desk.showInFront(this.#desk.lines.bringToFront(callId))
        if (line.session.state === CallState.Held) return line.session.resume?.()
        return undefined
      })
      .catch(this.#desk.reportError)
  }

  /** Swaps to the other held line (Alt+S): the common two-call case needs no choice. */
  swapLines(): void {
    const other = this.#desk.lines.background.find((l) => l.session.state === CallState.Held)
    if (other) this.pickLine(other.session.info.id)
  }

  /** Mutes or unmutes the microphone on a call that supports it. */
  toggleMute(): void {
    const front = this.#desk.lines.front
    if (!front?.session.setMuted) return
    const { state } = front.session
    if (state !== CallState.Active && state !== CallState.Held) return
    front.isMuted = !front.isMuted
    front.session.setMuted(front.isMuted)
    this.#desk.store().muteChanged(front.isMuted)
  }

  /** Puts the other party on hold, or takes them off it. */
  toggleHold(): void {
    const session = this.#desk.lines.front?.session
    if (session?.state === CallState.Active && session.hold) {
      session.hold().catch(this.#desk.reportError)
    } else if (session?.state === CallState.Held && session.resume) {
      session.resume().catch(this.#desk.reportError)
    }
  }

  /** Sends a DTMF digit to an IVR or a conference bridge during a call. */
  sendDigit(tone: string): void {
    const session = this.#desk.lines.front?.session
    if (session?.state === CallState.Active && session.sendDtmf) {
      session
        .sendDtmf(tone, this.#desk.options.preferences().dtmfMethod)
        .catch(this.#desk.reportError)
    }
  }

  /** True when the front call can be transferred (blind, or by consulting first). */
  canTransfer(): boolean {
    const front = this.#desk.lines.front
    if (!front || front.consultFor !== null) return false
    // A role-play is a real call but practice: it never leaves for a real queue or colleague.
    if (isPracticeCall(front.session.info)) return false
    const { state } = front.session
    return (state === CallState.Active || state === CallState.Held) && this.#desk.lines.canPlace()
  }

  /** Blind transfer of the front call to `target` (a SIP URI). */
  transferBlind(target: string): void {
    const front = this.#desk.lines.front
    if (!front?.session.blindTransfer || !this.canTransfer()) return
    front.isTransferring = true
    const callId = front.session.info.id
    this.#desk.options.onTransfer?.(callId, true)
    front.session.blindTransfer(target).catch((error: unknown) => {
      front.isTransferring = false
      this.#desk.options.onTransfer?.(callId, false)
      this.#desk.reportError(error)
    })
  }

  /** Holds the front call before a consultation starts; resolves with its id. */
  async prepareConsult(): Promise<string | null> {
    const front = this.#desk.lines.front
    if (!front || !this.canTransfer()) return null
    await this.#desk.holdFront()
    return front.session.info.id
  }

  /** The consultation call the phone line placed for the held call `heldCallId`. */
  placeConsult(session: CallSession, heldCallId: string): void {
    this.#desk.lines.place(session, heldCallId)
    this.#desk.follow(session)
    this.#desk.startRingTimeout(session)
    this.#desk.showInFront(this.#desk.lines.bringToFront(session.info.id))
  }

  /** Completes an attended transfer: the held caller takes over the consultation's target. */
  completeTransfer(): void {
    const consult = this.#desk.lines.front
    const held = this.#desk.lines.find(consult?.consultFor)
    if (!consult || !held?.session.attendedTransfer) return
    held.isTransferring = true
    const callId = held.session.info.id
    this.#desk.options.onTransfer?.(callId, true)
    held.session.attendedTransfer(consult.session).catch((error: unknown) => {
      held.isTransferring = false
      this.#desk.options.onTransfer?.(callId, false)
      this.#desk.reportError(error)
    })
  }

  /** Cancels the consultation: its call ends and the held caller comes back. */
  cancelConsult(): void {
    const consult = this.#desk.lines.front
    if (!consult?.consultFor) return
    const { session } = consult
    if (session.state !== CallState.Ended) session.hangup().catch(this.#desk.reportError)
  }

  finishWrapUp(): void {
    const store = this.#desk.store()
    if (store.phone.phase !== 'wrap_up') return
    const blocker = this.wrapUpGuards.blocker()
    if (blocker) {
      store.phoneError(blocker)
      return
    }
    const next = this.#desk.wrapUps.next()
    if (next) {
      // The next call that ended while this one was in front: its own wrap-up and caller's card.
      store.wrapUpNext(next.info, next.answeredAt, next.endedAt)
      this.#desk.popCustomerFor(next.info)
      return
    }
    store.wrapUpFinished()
    store.popCleared()
  }

  /** The ringing view, with the card when its match is `known`; the card follows otherwise. */
  #showRinging(
    session: CallSession,
    preferences: PhonePreferences,
    lookup: Promise<CallerParty> | null,
    known?: CallerParty
  ): void {
    // The caller may have hung up (or been taken over) while the ring waited for the cache.
    if (this.#desk.lines.front?.session !== session || session.state !== CallState.Ringing) return
    this.#desk.options.callerCard.show(session.info.id, lookup, known)
    this.#desk.store().callRinging(session.info)
    this.#desk.publishLines()
    this.#desk.alertIfHidden(session, 'softphone.ringing')
    const delay = autoAnswerDelay(preferences.autoAnswer, session.info.answerAfterSeconds)
    if (delay !== null && session.info.kind === 'sip') {
      this.#desk.clock.setTimeout(() => {
        if (this.#desk.lines.front?.session === session) this.answerCall()
      }, delay * 1000)
    }
  }
}
