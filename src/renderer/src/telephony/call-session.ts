/**
 * One interface for every call the agent handles. Screen pop, scripts, complaints and wrap-up
 * depend on this interface only, so a SIP call and a practice call behave the same for them.
 *
 * @remarks
 * State machine of a single call:
 * ```
 *   Ringing ──answer──▶ Connecting ──media up──▶ Active ⇄ Held
 *      │                    │                   ▲  │
 *      │                    │  Dialing ─answered┘  │
 *      │                    │     │                │
 *      └─decline/cancel─────┴─────┴───hangup───────┴──▶ Ended
 * ```
 * Inbound calls start in `Ringing`, outbound calls in `Dialing`. `Ended` is final. Wrap-up is
 * the agent's state after the call, not the call's.
 */
import type { Scenario } from '@shared/practice'

export enum CallState {
  Dialing = 'dialing',
  Ringing = 'ringing',
  Connecting = 'connecting',
  Active = 'active',
  Held = 'held',
  Ended = 'ended'
}

export type CallDirection = 'inbound' | 'outbound'
export type CallKind = 'sip' | 'practice'
export type EndedBy = 'local' | 'remote' | 'system'
/** How DTMF digits leave: `auto` prefers RFC 4733 and falls back to SIP INFO. */
export const DTMF_METHODS = ['auto', 'rfc4733', 'info'] as const
export type DtmfMethod = (typeof DTMF_METHODS)[number]

/** What is known about a call when it starts; header values are hostile input. */
export interface CallInfo {
  id: string
  kind: CallKind
  direction: CallDirection
  /** The number as signalled (not normalized): the remote URI's user part. */
  remoteNumber: string
  /**
   * The remote URI's host (`atiende.local` in `sip:1001@atiende.local`), when the call has one:
   * a colleague is matched by extension and this host (docs/telephony.md).
   */
  remoteHost?: string
  remoteDisplayName: string | null
  /** CTI headers by lower-case name, e.g. `x-customer-id` set by an IVR. */
  ctiHeaders: Readonly<Record<string, string>>
  startedAt: string
  /**
   * The call this one takes over, when the far end moved it here: an INVITE with Replaces
   * (we are the target of an attended transfer) or the call a REFER made us place.
   */
  replacesCallId?: string
  /** The caller asked to be answered by itself after this many seconds (intercom, paging). */
  answerAfterSeconds?: number
  /** A practice call's scenario and persona: the card shows the persona, never a customer. */
  practice?: PracticeCallScenario
}

/** Which scenario version a practice call plays (its persona, its script, the customer's part). */
export interface PracticeCallScenario {
  scenarioId: string
  scenarioVersion: number
  scenario: Scenario
  /**
   * A role-play over a real call: the trainer plays the customer (no simulated lines, no voice).
   * Absent on a solo practice call, which this desk rang itself.
   */
  roleplay?: {
    id: string
    trainerName: string
    /** This desk's side: the trainee follows the script; the trainer plays the customer. */
    role: 'trainee' | 'trainer'
  }
}

/**
 * The trainer's side of a role-play: practice, but nobody here follows a script, scores or
 * gives the call an outcome (the trainee's side does).
 */
export function isTrainerLeg(info: Pick<CallInfo, 'practice'>): boolean {
  return info.practice?.roleplay?.role === 'trainer'
}

/**
 * Whether a call is practice, whatever carries it: a solo practice call (no PBX), or a real SIP
 * call a verified role-play session made practice. Its records carry the practice mark.
 */
export function isPracticeCall(info: Pick<CallInfo, 'kind' | 'practice'>): boolean {
  return info.kind === 'practice' || info.practice !== undefined
}

export interface CallSessionDelegate {
  onStateChange?(state: CallState, endedBy?: EndedBy): void
  /** The far end transferred us (REFER): `next` is the call placed to the new party. */
  onSuccessor?(next: CallSession): void
  /** A DTMF digit the far end sent and the session could see (SIP INFO). */
  onDtmfReceived?(tone: string): void
}

/**
 * In-call controls a real call offers and a simulated one may not. Every member is optional so
 * implementations opt in; the UI shows a control only when the session has it.
 */
export interface CallControls {
  /** Puts the other party on hold (re-INVITE); resolves once the far end agreed. */
  hold?(): Promise<void>
  /** Takes the other party off hold. */
  resume?(): Promise<void>
  /** Stops or restarts sending the microphone; the call stays up. */
  setMuted?(muted: boolean): void
  /** Sends one DTMF digit (0-9, *, #, A-D). */
  sendDtmf?(tone: string, method?: DtmfMethod): Promise<void>
  /** Blind transfer: asks the other party to call `target` (REFER) and hangs up once it did. */
  blindTransfer?(target: string): Promise<void>
  /**
   * Attended transfer: asks the other party to take over `consult` (REFER with Replaces), then
   * leaves the call once the transfer succeeded.
   */
  attendedTransfer?(consult: CallSession): Promise<void>
}

export interface CallSession extends CallControls {
  readonly info: CallInfo
  readonly state: CallState
  answer(): Promise<void>
  decline(): Promise<void>
  hangup(): Promise<void>
  /** Subscribes to state changes; returns an unsubscribe function. */
  subscribe(delegate: CallSessionDelegate): () => void
}

const allowed: Record<CallState, readonly CallState[]> = {
  [CallState.Dialing]: [CallState.Active, CallState.Ended],
  [CallState.Ringing]: [CallState.Connecting, CallState.Ended],
  [CallState.Connecting]: [CallState.Active, CallState.Ended],
  [CallState.Active]: [CallState.Held, CallState.Ended],
  [CallState.Held]: [CallState.Active, CallState.Ended],
  [CallState.Ended]: []
}

/** True when the diagram above allows going from `from` to `to`. */
export function canTransition(from: CallState, to: CallState): boolean {
  return allowed[from].includes(to)
}
