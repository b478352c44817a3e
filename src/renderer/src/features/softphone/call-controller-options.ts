/**
 * What the call controller needs from the rest of the app, passed in by whoever creates it (the
 * app's composition root, or a test with fakes): nothing here is reached through a module.
 */
import type { CustomerMatch } from '@shared/contract/worker'
import type { CallParty } from '@shared/domain/incoming-call'
import type { AppState } from '@renderer/stores/app-store'
import type { CallInfo, CallSession } from '@renderer/telephony/call-session'
import type { PhonePreferences } from './phone-preferences'
import type { WrapUpGuards } from './wrap-up-guards'

/** The bound store, as far as the controller uses it. */
export interface CallStore {
  getState(): AppState
}

/** Who the other party is: a colleague from the directory, else the customer match. */
export type CallerParty = CallParty<CustomerMatch>

/** The caller's card: the lookup runs in the data worker, the card shows its answer. */
export interface CallerCard {
  /** Starts the caller's lookup; null when there is no data worker to ask. */
  lookUp(info: CallInfo): Promise<CallerParty> | null
  /** Shows `known` at once, or "looking" now and the lookup's answer when it comes. */
  show(callId: string, lookup: Promise<CallerParty> | null, known?: CallerParty): void
}

/** Time, for the ring timeout, auto-answer and the times a wrap-up records. */
export interface Clock {
  now(): Date
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(timer: unknown): void
}

/** The real clock, read at each call (so a test's fake timers apply to it). */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => {
    clearTimeout(timer as ReturnType<typeof setTimeout>)
  }
}

export interface CallControllerOptions {
  store: CallStore
  callerCard: CallerCard
  /** Follows a call and saves its interaction record when it ends (SIP calls only). */
  recordInteraction: (session: CallSession) => void
  /** The agent's phone preferences, read when needed (another window may change them). */
  preferences: () => PhonePreferences
  /** Starts or stops the call-waiting cue in the agent's ear. */
  callWaitingTone: (isOn: boolean) => void
  /** True while the app's window is hidden: a ring then also raises a notification. */
  isHidden: () => boolean
  notify: (title: string, body: string) => void
  /** Asked before a wrap-up finishes; features register their guards here. */
  wrapUpGuards: WrapUpGuards
  /** A transfer of call `callId` started (true) or failed (false): monitoring ends as `transferred`. */
  onTransfer?: (callId: string, underway: boolean) => void
  clock?: Clock
}
