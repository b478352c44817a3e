import type { StateCreator } from 'zustand'

import type { AppState } from '../../stores/app-store'
import { CallState, type CallInfo } from '../../telephony/call-session'
import type { RegistrationStatus } from '../../telephony/sip-user-agent'

/**
 * The agent's phone phase. Transitions:
 * ```
 * idle ──ring──▶ ringing ──answer──▶ connecting ──media──▶ active ──end──▶ wrap_up ──finish──▶ idle
 *  │                └──decline / caller gave up──▶ idle      ▲  ⇅ hold/resume  ▲
 *  └──dial──▶ dialing ──answered─────────────────────────────┘  held ──end─────┘
 *                └──busy / no answer / cancelled──▶ idle
 * ```
 */
export type PhonePhase =
  'idle' | 'ringing' | 'dialing' | 'connecting' | 'active' | 'held' | 'wrap_up'

/** The SIP line: `unconfigured` when the server provisions no SIP proxy for this user. */
export type PhoneLine = { state: 'unconfigured' } | RegistrationStatus

/** A call on a line other than the one in front of the agent: waiting, held, or transferring. */
export interface BackgroundLine {
  info: CallInfo
  state: CallState
}

/** The call now in front of the agent, when another line takes the front (swap, answer, end). */
export interface FocusedCall {
  info: CallInfo
  state: CallState
  answeredAt: string | null
  isMuted: boolean
}

const MAX_RECEIVED_DIGITS = 32

const phaseOf: Record<CallState, PhonePhase> = {
  [CallState.Dialing]: 'dialing',
  [CallState.Ringing]: 'ringing',
  [CallState.Connecting]: 'connecting',
  [CallState.Active]: 'active',
  [CallState.Held]: 'held',
  [CallState.Ended]: 'wrap_up'
}

export interface SoftphoneSlice {
  phone: {
    phase: PhonePhase
    call: CallInfo | null
    answeredAt: string | null
    endedAt: string | null
    lastError: string | null
    isMuted: boolean
    line: PhoneLine
    /** Every other call the agent has: a call waiting, a held call, a transfer in progress. */
    lines: readonly BackgroundLine[]
    /** Set while the front call is a consultation for the held call with this id. */
    consultFor: string | null
    /** DTMF digits the far end sent on the front call (SIP INFO), oldest first. */
    digitsReceived: string
    /** What the agent last dialled, as typed, for redial. */
    lastDialled: string | null
  }
  callRinging: (info: CallInfo) => void
  /**
   * Another line takes the front. Allowed from any phase but wrap-up: the phase becomes the new
   * front call's, since the diagram above describes the front call only.
   */
  lineFocused: (call: FocusedCall) => void
  linesChanged: (lines: readonly BackgroundLine[], consultFor: string | null) => void
  digitReceived: (tone: string) => void
  dialled: (raw: string) => void
  callDialing: (info: CallInfo) => void
  callHeld: () => void
  callResumed: () => void
  muteChanged: (isMuted: boolean) => void
  lineChanged: (line: PhoneLine) => void
  callConnecting: () => void
  callAnswered: () => void
  callEnded: () => void
  wrapUpFinished: () => void
  /** After-call work moves on to another call that ended while this one was in front. */
  wrapUpNext: (info: CallInfo, answeredAt: string, endedAt: string) => void
  phoneError: (message: string) => void
}

const next: Record<PhonePhase, readonly PhonePhase[]> = {
  idle: ['ringing', 'dialing'],
  ringing: ['connecting', 'idle'],
  dialing: ['active', 'idle'],
  connecting: ['active', 'wrap_up'],
  active: ['held', 'wrap_up'],
  held: ['active', 'wrap_up'],
  wrap_up: ['idle']
}

export const createSoftphoneSlice: StateCreator<AppState, [], [], SoftphoneSlice> = (set, get) => {
  /** Moves the phone to `to`, refusing transitions the diagram does not allow. */
  const move = (to: PhonePhase, patch: Partial<AppState['phone']> = {}): void => {
    const from = get().phone.phase
    if (!next[from].includes(to)) {
      throw new Error(`illegal phone transition ${from} → ${to}`)
    }
    set((s) => ({ phone: { ...s.phone, ...patch, phase: to } }))
  }
  return {
    phone: {
      phase: 'idle',
      call: null,
      answeredAt: null,
      endedAt: null,
      lastError: null,
      isMuted: false,
      line: { state: 'unconfigured' },
      lines: [],
      consultFor: null,
      digitsReceived: '',
      lastDialled: null
    },
    callRinging: (info) => {
      move('ringing', {
        call: info,
        answeredAt: null,
        endedAt: null,
        lastError: null,
        digitsReceived: ''
      })
    },
    lineFocused: ({ info, state, answeredAt, isMuted }) => {
      const from = get().phone.phase
      if (from === 'wrap_up' || state === CallState.Ended) {
        throw new Error(`illegal line focus ${from} → ${state}`)
      }
      set((s) => ({
        phone: {
          ...s.phone,
          phase: phaseOf[state],
          call: info,
          answeredAt,
          isMuted,
          endedAt: null,
          digitsReceived: ''
        }
      }))
    },
    linesChanged: (lines, consultFor) => {
      set((s) => ({ phone: { ...s.phone, lines, consultFor } }))
    },
    dialled: (raw) => {
      set((s) => ({ phone: { ...s.phone, lastDialled: raw.trim() } }))
    },
    digitReceived: (tone) => {
      set((s) => ({
        phone: {
          ...s.phone,
          digitsReceived: (s.phone.digitsReceived + tone).slice(-MAX_RECEIVED_DIGITS)
        }
      }))
    },
    callDialing: (info) => {
      move('dialing', {
        call: info,
        answeredAt: null,
        endedAt: null,
        lastError: null,
        digitsReceived: ''
      })
    },
    callHeld: () => {
      move('held')
    },
    callResumed: () => {
      move('active')
    },
    muteChanged: (isMuted) => {
      set((s) => ({ phone: { ...s.phone, isMuted } }))
    },
    lineChanged: (line) => {
      set((s) => ({ phone: { ...s.phone, line } }))
    },
    callConnecting: () => {
      move('connecting')
    },
    callAnswered: () => {
      move('active', { answeredAt: new Date().toISOString() })
    },
    callEnded: () => {
      const phase = get().phone.phase
      const endedAt = new Date().toISOString()
      // A call that was never answered leaves nothing to wrap up.
      if (phase === 'ringing' || phase === 'dialing') {
        move('idle', { call: null, endedAt, isMuted: false })
      } else if (phase !== 'idle' && phase !== 'wrap_up') {
        move('wrap_up', { endedAt, isMuted: false })
      }
    },
    wrapUpFinished: () => {
      move('idle', { call: null, answeredAt: null, endedAt: null, isMuted: false })
    },
    wrapUpNext: (info, answeredAt, endedAt) => {
      if (get().phone.phase !== 'wrap_up') throw new Error('no wrap-up to move on from')
      set((s) => ({ phone: { ...s.phone, call: info, answeredAt, endedAt, isMuted: false } }))
    },
    phoneError: (message) => {
      set((s) => ({ phone: { ...s.phone, lastError: message } }))
    }
  }
}
