/**
 * A practice call from a scenario's persona: it rings like an inbound call and goes through the
 * same {@link CallSession} interface, with no PBX. The persona's fictional number is the caller
 * ID; the card shows the persona (never a customer found by that number).
 */
import {
  CallState,
  canTransition,
  type CallInfo,
  type CallSession,
  type CallSessionDelegate,
  type EndedBy,
  type PracticeCallScenario
} from './call-session'

export interface PracticeCallOptions {
  scenario: PracticeCallScenario
  /** Time from answer to media up; a real call takes a few hundred milliseconds. */
  connectDelayMs?: number
}

export class PracticeCall implements CallSession {
  readonly info: CallInfo
  #state = CallState.Ringing
  readonly #delegates = new Set<CallSessionDelegate>()
  readonly #connectDelayMs: number

  constructor(options: PracticeCallOptions) {
    const persona = options.scenario.scenario.persona
    this.info = {
      id: `practice-${crypto.randomUUID()}`,
      kind: 'practice',
      direction: 'inbound',
      remoteNumber: persona.phone,
      remoteDisplayName: persona.onFile ? `${persona.firstName} ${persona.lastName}`.trim() : null,
      ctiHeaders: {},
      startedAt: new Date().toISOString(),
      practice: options.scenario
    }
    this.#connectDelayMs = options.connectDelayMs ?? 150
  }

  get state(): CallState {
    return this.#state
  }

  answer(): Promise<void> {
    this.#transition(CallState.Connecting)
    return new Promise((resolve) => {
      setTimeout(() => {
        if (this.#state === CallState.Connecting) this.#transition(CallState.Active)
        resolve()
      }, this.#connectDelayMs)
    })
  }

  decline(): Promise<void> {
    if (this.#state !== CallState.Ringing) {
      return Promise.reject(new Error(`cannot decline a call that is ${this.#state}`))
    }
    this.#transition(CallState.Ended, 'local')
    return Promise.resolve()
  }

  hangup(): Promise<void> {
    this.#transition(CallState.Ended, 'local')
    return Promise.resolve()
  }

  /** The simulated customer hangs up. */
  remoteHangup(): void {
    this.#transition(CallState.Ended, 'remote')
  }

  subscribe(delegate: CallSessionDelegate): () => void {
    this.#delegates.add(delegate)
    return () => this.#delegates.delete(delegate)
  }

  #transition(to: CallState, endedBy?: EndedBy): void {
    if (!canTransition(this.#state, to)) {
      throw new Error(`illegal call transition ${this.#state} → ${to}`)
    }
    this.#state = to
    for (const d of this.#delegates) d.onStateChange?.(to, endedBy)
  }
}
