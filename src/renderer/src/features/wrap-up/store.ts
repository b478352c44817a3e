import type { StateCreator } from 'zustand'

import type { LocalDisposition } from '@shared/contract/worker'
import type { AppState } from '../../stores/app-store'

/** What the callback form opens with: from the wrap-up, the card or a script. */
export interface CallbackDraft {
  customerId: string | null
  contactName: string
  /** E.164 if known; the agent can type another number. */
  phone: string
  /** ISO instant, or null when nothing suggested one. */
  dueAt: string | null
  note: string
  callId: string | null
  practice: boolean
}

/**
 * The wrap-up of one call: the disposition a script suggested (its end outcome or a
 * `set_disposition` action, unresolved: the picker matches it to the configured codes), the one
 * the agent chose, and the one saved. Belongs to `callId`; another call starts afresh.
 */
export interface WrapUpSlice {
  wrapUp: {
    callId: string | null
    suggested: string | null
    chosen: string | null
    saved: LocalDisposition | null
    error: string | null
  }
  callbackDraft: CallbackDraft | null
  dispositionSuggested: (callId: string, outcome: string) => void
  dispositionChosen: (callId: string, code: string) => void
  dispositionSaved: (disposition: LocalDisposition) => void
  dispositionRefused: (message: string) => void
  wrapUpCleared: () => void
  callbackDraftOpened: (draft: CallbackDraft) => void
  callbackDraftClosed: () => void
}

const empty: WrapUpSlice['wrapUp'] = {
  callId: null,
  suggested: null,
  chosen: null,
  saved: null,
  error: null
}

export const createWrapUpSlice: StateCreator<AppState, [], [], WrapUpSlice> = (set) => {
  /** The wrap-up state of `callId`: the current one, or a fresh one for another call. */
  const of = (s: AppState, callId: string): WrapUpSlice['wrapUp'] =>
    s.wrapUp.callId === callId ? s.wrapUp : { ...empty, callId }
  return {
    wrapUp: empty,
    callbackDraft: null,
    dispositionSuggested: (callId, outcome) => {
      set((s) => ({ wrapUp: { ...of(s, callId), suggested: outcome } }))
    },
    dispositionChosen: (callId, code) => {
      set((s) => ({ wrapUp: { ...of(s, callId), chosen: code, error: null } }))
    },
    dispositionSaved: (disposition) => {
      set((s) => ({
        wrapUp: { ...of(s, disposition.callId), saved: disposition, chosen: disposition.code }
      }))
    },
    dispositionRefused: (message) => {
      set((s) => ({ wrapUp: { ...s.wrapUp, error: message } }))
    },
    wrapUpCleared: () => {
      set({ wrapUp: empty })
    },
    callbackDraftOpened: (draft) => {
      set({ callbackDraft: draft })
    },
    callbackDraftClosed: () => {
      set({ callbackDraft: null })
    }
  }
}
