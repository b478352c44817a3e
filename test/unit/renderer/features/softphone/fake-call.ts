/**
 * A CallSession whose far end the test plays: it moves through the same state diagram as a
 * real call and records what the app asked of it (answer, hold, REFER...).
 */
import {
  CallState,
  canTransition,
  type CallInfo,
  type CallSession,
  type CallSessionDelegate,
  type EndedBy
} from '@renderer/telephony/call-session'

let next = 0

export class FakeCall implements CallSession {
  readonly info: CallInfo
  readonly asked: string[] = []
  #state: CallState
  readonly #delegates = new Set<CallSessionDelegate>()

  constructor(
    direction: CallInfo['direction'],
    remoteNumber: string,
    extra: Partial<CallInfo> = {}
  ) {
    this.info = {
      id: `call-${String(++next)}`,
      kind: 'sip',
      direction,
      remoteNumber,
      remoteDisplayName: null,
      ctiHeaders: {},
      startedAt: new Date().toISOString(),
      ...extra
    }
    this.#state = direction === 'inbound' ? CallState.Ringing : CallState.Dialing
  }

  get state(): CallState {
    return this.#state
  }

  answer(): Promise<void> {
    this.asked.push('answer')
    this.move(CallState.Connecting)
    this.move(CallState.Active)
    return Promise.resolve()
  }

  decline(): Promise<void> {
    this.asked.push('decline')
    this.move(CallState.Ended, 'local')
    return Promise.resolve()
  }

  hangup(): Promise<void> {
    this.asked.push('hangup')
    this.move(CallState.Ended, 'local')
    return Promise.resolve()
  }

  hold(): Promise<void> {
    this.asked.push('hold')
    this.move(CallState.Held)
    return Promise.resolve()
  }

  resume(): Promise<void> {
    this.asked.push('resume')
    this.move(CallState.Active)
    return Promise.resolve()
  }

  blindTransfer(target: string): Promise<void> {
    this.asked.push(`refer ${target}`)
    return this.hangup()
  }

  /** Resolves when the test settles the transfer, like a real one waits for the NOTIFY. */
  attendedTransfer(consult: CallSession): Promise<void> {
    this.asked.push(`refer-replaces ${consult.info.id}`)
    return Promise.resolve()
  }

  subscribe(delegate: CallSessionDelegate): () => void {
    this.#delegates.add(delegate)
    return () => this.#delegates.delete(delegate)
  }

  /** The far end: answers, hangs up, transfers us, sends a digit. */
  move(to: CallState, endedBy?: EndedBy): void {
    if (!canTransition(this.#state, to)) throw new Error(`fake: ${this.#state} → ${to}`)
    this.#state = to
    for (const d of this.#delegates) d.onStateChange?.(to, endedBy)
  }

  transferredTo(next: CallSession): void {
    for (const d of this.#delegates) d.onSuccessor?.(next)
  }

  sentDigit(tone: string): void {
    for (const d of this.#delegates) d.onDtmfReceived?.(tone)
  }
}

/** Lets queued promise callbacks (hold → answer chains) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}
