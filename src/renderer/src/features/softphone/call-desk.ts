/**
 * The bookkeeping behind the call controller: which call is on which line, what the store and the
 * card show for the line in front, and which ended calls still wait for their wrap-up. Every call
 * the controller takes is followed here, whatever the command that brought it.
 */
import i18next from 'i18next'

import type { AppState } from '@renderer/stores/app-store'
import { CallState, type CallInfo, type CallSession } from '@renderer/telephony/call-session'
import { systemClock, type CallControllerOptions, type Clock } from './call-controller-options'
import { CallLines, type Line } from './call-lines'
import { WrapUpQueue } from './wrap-up-queue'

export class CallDesk {
  readonly lines = new CallLines()
  /** Answered calls that ended behind another line, each waiting for its own wrap-up. */
  readonly wrapUps = new WrapUpQueue()
  readonly options: CallControllerOptions
  readonly clock: Clock
  /** Outbound calls cancelled by the ring timeout, reported as "no answer". */
  readonly #unanswered = new Set<string>()

  constructor(options: CallControllerOptions) {
    this.options = options
    this.clock = options.clock ?? systemClock
  }

  store(): AppState {
    return this.options.store.getState()
  }

  now(): string {
    return this.clock.now().toISOString()
  }

  readonly reportError = (error: unknown): void => {
    this.store().phoneError(error instanceof Error ? error.message : String(error))
  }

  popCustomerFor(info: CallInfo): void {
    const { callerCard } = this.options
    callerCard.show(info.id, callerCard.lookUp(info))
  }

  /** Mirrors the background lines (waiting, held, transferring) into the store. */
  publishLines(): void {
    const front = this.lines.front
    this.store().linesChanged(
      this.lines.background.map((l) => ({ info: l.session.info, state: l.session.state })),
      front?.consultFor ?? null
    )
    this.options.callWaitingTone(this.lines.waiting !== null && front !== null)
  }

  /** Puts `line` in front: the store shows it and the card pops for its caller. */
  showInFront(line: Line): void {
    const { session } = line
    this.store().lineFocused({
      info: session.info,
      state: session.state,
      answeredAt: line.answeredAt,
      isMuted: line.isMuted
    })
    this.popCustomerFor(session.info)
    this.publishLines()
  }

  #frontEnded(session: CallSession, line: Line | null): void {
    const store = this.store()
    if (store.phone.phase === 'dialing') {
      if (this.#unanswered.delete(session.info.id))
        store.phoneError(i18next.t('softphone.noAnswer'))
      else if ('endReason' in session && typeof session.endReason === 'string') {
        store.phoneError(session.endReason)
      }
    }
    const next = this.lines.remove(session.info.id)
    if (!next) {
      store.callEnded()
      this.publishLines()
      return
    }
    this.wrapUps.keep(line, this.now())
    this.showInFront(next)
    // The consultation is over (cancelled, or the target hung up): back to the held caller.
    const wasConsult = line?.consultFor === next.session.info.id
    if (wasConsult && !next.isTransferring && next.session.state === CallState.Held) {
      next.session.resume?.().catch(this.reportError)
    }
  }

  #onCallState(session: CallSession, state: CallState): void {
    const line = this.lines.find(session.info.id)
    if (line && state === CallState.Active) line.answeredAt ??= this.now()
    if (this.lines.front?.session !== session) {
      if (state === CallState.Ended) {
        this.wrapUps.keep(line, this.now())
        this.lines.remove(session.info.id)
      }
      // Only the front line talks: a call that came up behind it (moved here by a transfer)
      // waits on hold until the agent picks it.
      if (state === CallState.Active && session.hold) session.hold().catch(this.reportError)
      this.publishLines()
      return
    }
    const store = this.store()
    const phase = store.phone.phase
    if (state === CallState.Connecting) store.callConnecting()
    else if (state === CallState.Active && (phase === 'connecting' || phase === 'dialing')) {
      store.callAnswered()
    } else if (state === CallState.Active && phase === 'held') store.callResumed()
    else if (state === CallState.Held) store.callHeld()
    else if (state === CallState.Ended) this.#frontEnded(session, line)
    this.publishLines()
  }

  follow(session: CallSession): void {
    this.options.recordInteraction(session)
    session.subscribe({
      onStateChange: (state) => {
        this.#onCallState(session, state)
      },
      onSuccessor: (next) => {
        // The far end transferred us: the new call takes this line's place.
        this.lines.takeOver(session, next)
        this.follow(next)
        if (this.lines.front?.session === next) {
          this.showInFront(this.lines.bringToFront(next.info.id))
        } else this.publishLines()
      },
      onDtmfReceived: (tone) => {
        if (this.lines.front?.session === session) this.store().digitReceived(tone)
      }
    })
  }

  startRingTimeout(session: CallSession): void {
    const seconds = this.options.preferences().ringTimeoutSeconds
    this.clock.setTimeout(() => {
      if (session.state !== CallState.Dialing) return
      this.#unanswered.add(session.info.id)
      session.hangup().catch(this.reportError)
    }, seconds * 1000)
  }

  alertIfHidden(session: CallSession, titleKey: string): void {
    if (!this.options.isHidden()) return
    this.options.notify(
      i18next.t(titleKey),
      session.info.remoteDisplayName ?? session.info.remoteNumber
    )
  }

  /**
   * Makes room at the front for another line: a call that is talking goes on hold; one that
   * cannot be held (a practice call) or is still ringing out is ended, since the agent chose
   * the other caller.
   */
  async holdFront(): Promise<void> {
    const session = this.lines.front?.session
    if (!session) return
    if (session.state === CallState.Active && session.hold) await session.hold()
    else if (session.state === CallState.Active || session.state === CallState.Dialing) {
      await session.hangup()
    }
  }
}
