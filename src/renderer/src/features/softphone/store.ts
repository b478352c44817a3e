import type { StateCreator } from 'zustand'

import type { AppState } from '../../stores/app-store'
import type { CallInfo } from '../../telephony/call-session'

/**
 * The agent's phone phase. Transitions:
 * ```
 * idle ──ring──▶ ringing ──answer──▶ connecting ──media──▶ active ──end──▶ wrap_up ──finish──▶ idle
 *                   └──decline / caller gave up──▶ idle
 * ```
 */
export type PhonePhase = 'idle' | 'ringing' | 'connecting' | 'active' | 'wrap_up'

export interface SoftphoneSlice {
  phone: {
    phase: PhonePhase
    call: CallInfo | null
    answeredAt: string | null
    endedAt: string | null
    lastError: string | null
  }
  callRinging: (info: CallInfo) => void
  callConnecting: () => void
  callAnswered: () => void
  callEnded: () => void
  wrapUpFinished: () => void
  phoneError: (message: string) => void
}

const next: Record<PhonePhase, readonly PhonePhase[]> = {
  idle: ['ringing'],
  ringing: ['connecting', 'idle'],
  connecting: ['active', 'wrap_up'],
  active: ['wrap_up'],
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
    phone: { phase: 'idle', call: null, answeredAt: null, endedAt: null, lastError: null },
    callRinging: (info) => {
      move('ringing', { call: info, answeredAt: null, endedAt: null, lastError: null })
    },
    callConnecting: () => {
      move('connecting')
    },
    callAnswered: () => {
      move('active', { answeredAt: new Date().toISOString() })
    },
    callEnded: () => {
      const phase = get().phone.phase
      // A call that was never answered leaves nothing to wrap up.
      if (phase === 'ringing') move('idle', { call: null, endedAt: new Date().toISOString() })
      else if (phase !== 'idle' && phase !== 'wrap_up') {
        move('wrap_up', { endedAt: new Date().toISOString() })
      }
    },
    wrapUpFinished: () => {
      move('idle', { call: null, answeredAt: null, endedAt: null })
    },
    phoneError: (message) => {
      set((s) => ({ phone: { ...s.phone, lastError: message } }))
    }
  }
}
